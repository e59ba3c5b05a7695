package io.springcharm.test.juju;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.jspecify.annotations.Nullable;

/**
 * The secret tools: {@code secret-add}, {@code secret-get}, {@code secret-set},
 * {@code secret-remove}, {@code secret-ids}, {@code secret-info-get}, {@code secret-grant}
 * and {@code secret-revoke}. Changes are buffered until commit; a secret created in this
 * hook is readable at once, and this hook's grants count in its own checks.
 * <p>
 * A unit reads a secret that it or its application owns, one granted to it or to its
 * application, or one another application owns (that application's grants are outside
 * this model); any other read is refused with {@code permission denied}, as the controller
 * refuses it. Two differences from Juju: {@code secret-info-get} prints no {@code access}
 * list, since its relation scopes name the remote endpoint, which this model does not
 * know; and {@code secret-revoke} of a secret this unit cannot manage fails at once
 * instead of when the hook commits.
 */
final class SecretTools {

	private static final String KEY = "[a-z](?:-?[a-z0-9]){2,}";

	/** Juju's application names, as {@code names.IsValidApplication} checks them. */
	private static final String APP = "[a-z][a-z0-9]*(?:-[a-z0-9]*[a-z][a-z0-9]*)*";

	private static final String UNIT = APP + "/(?:0|[1-9][0-9]*)";

	private static final Set<String> ROTATIONS = Set.of("never", "hourly", "daily", "weekly", "monthly", "quarterly",
			"yearly");

	private final HookContext ctx;

	SecretTools(HookContext ctx) {
		this.ctx = ctx;
	}

	void register(Map<String, HookContext.ToolFunction> tools) {
		tools.put("secret-add", this::secretAdd);
		tools.put("secret-get", this::secretGet);
		tools.put("secret-set", this::secretSet);
		tools.put("secret-remove", this::secretRemove);
		tools.put("secret-ids", this::secretIds);
		tools.put("secret-info-get", this::secretInfoGet);
		tools.put("secret-grant", this::secretGrant);
		tools.put("secret-revoke", this::secretRevoke);
	}

	private static ToolArgs.Spec metadataOptions() {
		return ToolArgs.spec()
			.value("owner")
			.value("label")
			.value("description")
			.value("expire")
			.value("rotate")
			.value("file");
	}

	private ToolResult secretAdd(ToolCall call) throws ToolError {
		ToolArgs args = metadataOptions().parse(call.args());
		Map<String, String> content = content(args, 0, call.stdin());
		if (content.isEmpty()) {
			throw ToolError.usage("missing secret value or filename");
		}
		String ownerKind = (args.value("owner") != null) ? args.value("owner") : "application";
		if (!ownerKind.equals("application") && !ownerKind.equals("unit")) {
			throw ToolError.usage("invalid value " + ToolArgs.quote(ownerKind) + " for option --owner: secret owner "
					+ ToolArgs.quote(ownerKind) + " not valid");
		}
		checkRotation(args);
		if (ownerKind.equals("application") && !this.ctx.isLeader()) {
			throw ToolError.failure("this unit is not the leader");
		}
		SecretState secret = new SecretState(this.ctx.model.newSecretId(),
				ownerKind.equals("unit") ? this.ctx.unit : this.ctx.model.appName());
		applyMetadata(secret, args);
		secret.revisions.put(1, Map.copyOf(content));
		this.ctx.newSecrets.put(secret.id, secret);
		changed(secret);
		return ToolResult.ok("secret:" + secret.id + "\n");
	}

	private ToolResult secretGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("label").flag("peek").flag("refresh").parse(call.args());
		String format = Output.format(args.value("format"), Output.YAML, false);
		args.atMost(2);
		String uri = args.positional(0);
		String label = args.value("label");
		SecretState secret = find(uri, label);
		if (!canRead(secret)) {
			throw ToolError.failure("permission denied");
		}
		if (uri != null && label != null && !owns(secret)) {
			secret.consumerLabels.put(this.ctx.unit, label);
		}
		int revision;
		if (owns(secret) || secret.owner.equals(this.ctx.model.appName())) {
			revision = secret.latest();
		}
		else {
			Integer tracked = secret.tracked.get(this.ctx.unit);
			if (tracked == null || args.flag("refresh")) {
				secret.tracked.put(this.ctx.unit, secret.latest());
			}
			revision = args.flag("peek") ? secret.latest() : secret.tracked.get(this.ctx.unit);
		}
		Map<String, String> content = secret.revisions.get(revision);
		if (content == null) {
			// Its owner removed the revision this unit tracks.
			throw ToolError.failure("secret " + ToolArgs.quote(secret.id) + " revision " + revision + " not found");
		}
		String key = args.positional(1);
		if (key == null) {
			return this.ctx.emit(args, content, format);
		}
		boolean base64 = key.endsWith("#base64");
		String name = base64 ? key.substring(0, key.length() - "#base64".length()) : key;
		String value = content.get(name);
		if (value == null) {
			throw ToolError.failure("secret key value " + ToolArgs.quote(name) + " not found");
		}
		return this.ctx.emit(args,
				base64 ? Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)) : value, format);
	}

	private ToolResult secretSet(ToolCall call) throws ToolError {
		ToolArgs args = metadataOptions().parse(call.args());
		String uri = args.required(0, "missing secret URI");
		Map<String, String> content = content(args, 1, call.stdin());
		checkRotation(args);
		SecretState secret = find(uri, null);
		checkManage(secret);
		Runnable change = () -> {
			applyMetadata(secret, args);
			if (!content.isEmpty() && !content.equals(secret.revisions.get(secret.latest()))) {
				secret.revisions.put(secret.latest() + 1, Map.copyOf(content));
			}
		};
		if (this.ctx.newSecrets.containsKey(secret.id)) {
			change.run();
		}
		else {
			this.ctx.secretOps.add(change);
		}
		changed(secret);
		return ToolResult.ok("");
	}

	private ToolResult secretRemove(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("revision").parse(call.args());
		String uri = args.required(0, "missing secret URI");
		args.atMost(1);
		SecretState secret = find(uri, null);
		checkManage(secret);
		Integer revision = null;
		if (args.value("revision") != null) {
			try {
				revision = Integer.valueOf(args.value("revision"));
			}
			catch (NumberFormatException ex) {
				throw ToolError.usage("invalid value " + ToolArgs.quote(args.value("revision"))
						+ " for option --revision: strconv.Atoi: invalid syntax");
			}
		}
		Integer removed = revision;
		Runnable change = () -> {
			if (removed != null) {
				secret.revisions.remove(removed);
			}
			if (removed == null || secret.revisions.isEmpty()) {
				this.ctx.model.secrets.remove(secret.id);
				this.ctx.newSecrets.remove(secret.id);
			}
		};
		this.ctx.secretOps.add(change);
		changed(secret);
		return ToolResult.ok("");
	}

	private ToolResult secretIds(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.YAML, false);
		args.atMost(0);
		List<String> ids = new ArrayList<>();
		for (SecretState secret : allSecrets()) {
			if (owns(secret)) {
				ids.add(secret.id);
			}
		}
		ids.sort(null);
		return this.ctx.emit(args, ids, format);
	}

	private ToolResult secretInfoGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("label").parse(call.args());
		String format = Output.format(args.value("format"), Output.YAML, false);
		args.atMost(1);
		SecretState secret = find(args.positional(0), args.value("label"));
		if (!owns(secret)) {
			throw ToolError.failure("secret " + ToolArgs.quote(shown(args.positional(0), args.value("label")))
					+ " not found");
		}
		Map<String, Object> info = new TreeMap<>();
		info.put("revision", secret.latest());
		info.put("owner", secret.owner.contains("/") ? "unit" : "application");
		putIfSet(info, "label", secret.label);
		putIfSet(info, "description", secret.description);
		putIfSet(info, "rotation", secret.rotation);
		putIfSet(info, "expiry", secret.expiry);
		return this.ctx.emit(args, Map.of(secret.id, info), format);
	}

	private ToolResult secretGrant(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("r", "relation").value("unit").parse(call.args());
		String uri = args.required(0, "missing secret URI");
		RelationState relation = new RelationTools(this.ctx).relation(args);
		String app = relation.info.remoteApp();
		String unit = args.value("unit");
		if (unit != null) {
			checkName(unit, UNIT, "unit");
			if (!unit.substring(0, unit.lastIndexOf('/')).equals(app)) {
				throw ToolError.usage("cannot specify unit " + ToolArgs.quote(unit) + " in relation to application "
						+ ToolArgs.quote(app));
			}
		}
		args.atMost(1);
		SecretState secret = find(uri, null);
		boolean appOwned = secret.owner.equals(this.ctx.model.appName());
		// Juju looks the secret up among this unit's and its application's own.
		if (!appOwned && !secret.owner.equals(this.ctx.unit)) {
			throw ToolError.failure("secret " + ToolArgs.quote(secret.id) + " not found");
		}
		if (appOwned && !this.ctx.isLeader()) {
			throw ToolError.failure("this unit is not the leader");
		}
		int relationId = relation.info.id();
		SortedSet<String> existing = grants(secret).getOrDefault(relationId, Collections.emptySortedSet());
		if (existing.contains(app) || (unit != null && existing.contains(unit))) {
			return ToolResult.ok("");
		}
		if (unit == null && !existing.isEmpty()) {
			throw ToolError.failure(
					"any unit level grants need to be revoked before granting access to the corresponding application");
		}
		String target = (unit != null) ? unit : app;
		changeGrants(secret, (grants) -> grants.computeIfAbsent(relationId, (id) -> new TreeSet<>()).add(target));
		return ToolResult.ok("");
	}

	private ToolResult secretRevoke(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("r", "relation").value("app", "application").value("unit")
			.parse(call.args());
		String uri = args.required(0, "missing secret URI");
		String app = args.value("app");
		String unit = args.value("unit");
		if (app != null) {
			checkName(app, APP, "application");
		}
		if (unit != null) {
			checkName(unit, UNIT, "unit");
		}
		if (app != null && unit != null) {
			throw ToolError.usage("specify only one of application or unit");
		}
		// In a relation hook, -r defaults to the hook's relation.
		if (args.value("r") != null || !this.ctx.envValue("JUJU_RELATION_ID").isEmpty()) {
			RelationState relation = new RelationTools(this.ctx).relation(args);
			if (app != null) {
				throw ToolError.usage("do not specify both relation and app");
			}
			app = relation.info.remoteApp();
		}
		if (app == null && unit == null) {
			throw ToolError.usage("missing relation or application or unit");
		}
		args.atMost(1);
		SecretState secret = find(uri, null);
		checkManage(secret);
		String subject = (unit != null) ? unit : app;
		changeGrants(secret, (grants) -> {
			grants.values().forEach((targets) -> targets.remove(subject));
			grants.values().removeIf(Set::isEmpty);
		});
		return ToolResult.ok("");
	}

	// --- helpers ----------------------------------------------------------------------------

	/** A secret's grants as this hook sees them: the committed ones with its own changes. */
	private SortedMap<Integer, SortedSet<String>> grants(SecretState secret) {
		if (this.ctx.newSecrets.containsKey(secret.id)) {
			return secret.grants;
		}
		return this.ctx.secretGrants.computeIfAbsent(secret.id, (id) -> secret.copyOfGrants());
	}

	/**
	 * Changes a secret's grants for the rest of this hook, and at commit replays the change
	 * on the grants as they are then (a secret made in this hook is changed in place).
	 */
	private void changeGrants(SecretState secret, Consumer<SortedMap<Integer, SortedSet<String>>> change) {
		boolean committed = !this.ctx.newSecrets.containsKey(secret.id);
		change.accept(grants(secret));
		if (committed) {
			this.ctx.secretOps.add(() -> change.accept(secret.grants));
		}
		changed(secret);
	}

	/** Notes a buffered change: one to an application's secret needs leadership at commit. */
	private void changed(SecretState secret) {
		if (secret.owner.equals(this.ctx.model.appName())) {
			this.ctx.appSecretsChanged = true;
		}
	}

	/** Whether this unit may read the secret's content (see the class comment). */
	private boolean canRead(SecretState secret) {
		String app = this.ctx.model.appName();
		if (secret.owner.equals(this.ctx.unit) || secret.owner.equals(app)) {
			return true;
		}
		boolean ownedHere = secret.owner.startsWith(app + "/");
		return !ownedHere || secret.isGranted(this.ctx.unit) || secret.isGranted(app);
	}

	private static void checkName(String name, String pattern, String kind) throws ToolError {
		if (!name.matches(pattern)) {
			throw ToolError.usage(kind + " " + ToolArgs.quote(name) + " not valid");
		}
	}

	private List<SecretState> allSecrets() {
		List<SecretState> all = new ArrayList<>(this.ctx.model.secrets.values());
		all.addAll(this.ctx.newSecrets.values());
		return all;
	}

	private SecretState find(@Nullable String uri, @Nullable String label) throws ToolError {
		if (uri == null && label == null) {
			throw ToolError.usage("require either a secret URI or label");
		}
		for (SecretState secret : allSecrets()) {
			if (uri != null) {
				if (secret.id.equals(JujuModel.bareSecretId(uri))) {
					return secret;
				}
			}
			else if ((owns(secret) && label.equals(secret.label))
					|| label.equals(secret.consumerLabels.get(this.ctx.unit))) {
				return secret;
			}
		}
		throw ToolError.failure("secret " + ToolArgs.quote(shown(uri, label)) + " not found");
	}

	private static String shown(@Nullable String uri, @Nullable String label) {
		return (uri != null) ? uri : String.valueOf(label);
	}

	/** Whether this unit owns the secret, or its application does and it is the leader. */
	private boolean owns(SecretState secret) {
		return secret.owner.equals(this.ctx.unit)
				|| (secret.owner.equals(this.ctx.model.appName()) && this.ctx.model.isLeader(this.ctx.unit));
	}

	private void checkManage(SecretState secret) throws ToolError {
		if (secret.owner.equals(this.ctx.model.appName())) {
			if (!this.ctx.isLeader()) {
				throw ToolError.failure("this unit is not the leader");
			}
		}
		else if (!secret.owner.equals(this.ctx.unit)) {
			throw ToolError.failure("permission denied");
		}
	}

	private static void checkRotation(ToolArgs args) throws ToolError {
		String rotate = args.value("rotate");
		if (rotate != null && !ROTATIONS.contains(rotate)) {
			throw ToolError.usage("rotate policy " + ToolArgs.quote(rotate) + " not valid");
		}
	}

	private static void applyMetadata(SecretState secret, ToolArgs args) {
		if (args.value("label") != null) {
			secret.label = args.value("label");
		}
		if (args.value("description") != null) {
			secret.description = args.value("description");
		}
		if (args.value("rotate") != null) {
			secret.rotation = args.value("rotate");
		}
		if (args.value("expire") != null) {
			secret.expiry = args.value("expire");
		}
	}

	/** Content from {@code --file} and {@code key=value}, {@code key#base64=}, {@code key#file=} arguments. */
	private Map<String, String> content(ToolArgs args, int from, @Nullable String stdin) throws ToolError {
		Map<String, String> content = new LinkedHashMap<>();
		String file = args.value("file");
		if (file != null) {
			content.putAll(HookContext.yamlSettings(this.ctx.readFile(file, stdin)));
		}
		for (int i = from; i < args.positionals().size(); i++) {
			String arg = args.positionals().get(i);
			int eq = arg.indexOf('=');
			if (eq <= 0) {
				throw ToolError.usage("expected \"key=value\", got " + ToolArgs.quote(ToolCall.REDACTED));
			}
			String key = arg.substring(0, eq);
			String value = arg.substring(eq + 1);
			if (key.endsWith("#base64")) {
				key = key.substring(0, key.length() - "#base64".length());
				try {
					value = new String(Base64.getDecoder().decode(value), StandardCharsets.UTF_8);
				}
				catch (IllegalArgumentException ex) {
					throw ToolError.usage("invalid base64 value for key " + ToolArgs.quote(key));
				}
			}
			else if (key.endsWith("#file")) {
				key = key.substring(0, key.length() - "#file".length());
				value = this.ctx.readFile(value, null);
			}
			content.put(key, value);
		}
		for (Map.Entry<String, String> e : content.entrySet()) {
			if (!e.getKey().matches(KEY)) {
				throw ToolError.usage("key " + ToolArgs.quote(e.getKey()) + " not valid");
			}
			int size = e.getValue().getBytes(StandardCharsets.UTF_8).length;
			if (size > 8192) {
				throw ToolError.usage("secret content for key " + ToolArgs.quote(e.getKey()) + " too large: " + size
						+ " bytes");
			}
		}
		return content;
	}

	private static void putIfSet(Map<String, Object> map, String key, @Nullable String value) {
		if (value != null) {
			map.put(key, value);
		}
	}
}
