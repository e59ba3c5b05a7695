package io.springcharm.framework.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import io.springcharm.framework.json.Json;
import io.springcharm.framework.json.JsonException;

import static io.springcharm.framework.tool.ToolArguments.checkArgValue;
import static io.springcharm.framework.tool.ToolArguments.checkPositional;
import static io.springcharm.framework.tool.ToolArguments.requireNonEmpty;

/**
 * One method per Juju hook tool, named after it ({@code relation-get} is
 * {@link #relationGet}). This is the only place that builds tool command lines: it asks for
 * {@code --format=json} wherever a tool offers it, puts {@code --} before free text, sends
 * large data through {@code --file -} and secret content through private files, checks
 * values before calling, and turns a non-zero exit into a {@link HookToolException}.
 * <p>
 * One instance serves one hook. Read-only answers ({@code config-get}, {@code is-leader},
 * {@code leader-get}, {@code relation-ids}, {@code relation-list}, {@code relation-get})
 * are fetched once and reused; this hook's own writes update them, so reads see the
 * writes as Juju's own hook context does.
 */
public final class HookTools {

	/** Linux's limit for one argv string (MAX_ARG_STRLEN) less its terminating NUL. */
	static final int MAX_ARG_BYTES = ToolArguments.MAX_ARG_BYTES;

	private static final Shape<Map<String, Object>> OBJECT_MAP = Shape::objectMap;

	private static final Shape<Map<String, String>> STRING_MAP = Shape::stringMap;

	private static final Shape<List<String>> STRING_LIST = Shape::stringList;

	private static final Shape<String> STRING = Shape::string;

	private static final Shape<Object> ANY = (value) -> value;

	private static final Shape<Boolean> BOOLEAN = Shape::bool;

	/** Linux's maximum (131071 bytes) divided by the most bytes a Java char takes in UTF-8. */
	private static final int MAX_MESSAGE_CHARS = MAX_ARG_BYTES / 3;

	private final ToolRunner runner;

	private @Nullable Map<String, Object> config;

	private @Nullable Map<String, @Nullable Object> configAll;

	private @Nullable Boolean leader;

	private @Nullable Map<String, String> leaderSettings;

	private final Map<String, List<String>> relationIds = new HashMap<>();

	private final Map<String, List<String>> relationUnits = new HashMap<>();

	private final Map<String, Map<String, String>> relationData = new HashMap<>();

	/**
	 * @param runner runs each tool
	 */
	public HookTools(ToolRunner runner) {
		this.runner = runner;
	}

	// --- config and leadership ---------------------------------------------------------

	/**
	 * {@code config-get --format=json}: every option that has a value or a default, typed
	 * as declared in config.yaml. Read once per hook.
	 * @return option name to value
	 */
	public Map<String, Object> configGet() {
		if (this.config == null) {
			Map<String, Object> values = parse(ToolCall.of("config-get", "--format=json"), OBJECT_MAP);
			this.config = Collections.unmodifiableMap(values != null ? values : Map.of());
		}
		return this.config;
	}

	/**
	 * {@code config-get --format=json <key>}: one option's value. Config does not change
	 * during a hook, so an answer already read with {@link #configGet()} or
	 * {@link #configGetAll()} is reused.
	 * @param key the option name
	 * @return its value, or {@code null} when it is unset or not declared
	 */
	public @Nullable Object configGet(String key) {
		checkPositional("config-get", "key", key);
		if (this.configAll != null) {
			return this.configAll.get(key);
		}
		if (this.config != null) {
			return this.config.get(key);
		}
		return parse(ToolCall.of("config-get", "--format=json", key), ANY);
	}

	/**
	 * {@code config-get --format=json --all}: every declared option, those with neither a
	 * value nor a default as {@code null}. Read once per hook.
	 * @return option name to value
	 */
	public Map<String, @Nullable Object> configGetAll() {
		if (this.configAll == null) {
			Map<String, Object> values = parse(ToolCall.of("config-get", "--format=json", "--all"), OBJECT_MAP);
			this.configAll = Collections.unmodifiableMap(values != null ? new LinkedHashMap<>(values) : Map.of());
		}
		return this.configAll;
	}

	/**
	 * {@code is-leader --format=json}. Read once per hook: Juju guarantees a leader keeps
	 * leadership for 30 seconds after a check, and once a unit was found not to lead, Juju
	 * itself answers "no" for the rest of the hook.
	 * @return whether this unit is the leader
	 */
	public boolean isLeader() {
		if (this.leader == null) {
			Boolean value = parse(ToolCall.of("is-leader", "--format=json"), BOOLEAN);
			this.leader = Boolean.TRUE.equals(value);
		}
		return this.leader;
	}

	/**
	 * {@code leader-get --format=json -}: all leader settings. Read once per hook; this
	 * unit's {@link #leaderSet} updates the answer. Removed in Juju 4.
	 * @return key to value
	 */
	public Map<String, String> leaderGet() {
		if (this.leaderSettings == null) {
			Map<String, String> values = parse(ToolCall.of("leader-get", "--format=json", "-"), STRING_MAP);
			this.leaderSettings = (values != null) ? new TreeMap<>(values) : new TreeMap<>();
		}
		return Collections.unmodifiableMap(this.leaderSettings);
	}

	/**
	 * {@code leader-set key=value ...}: writes leader settings at once (Juju does not roll
	 * them back if the hook fails). An empty value deletes the key. Leader only. The tool
	 * has no {@code --file} option, so every value travels in argv: values Juju would trim
	 * or that do not fit in one argument are refused before calling. Values never appear
	 * in exception messages.
	 * @param settings keys to write; empty values delete
	 * @throws NotLeaderException when this unit is not the leader
	 */
	public void leaderSet(Map<String, String> settings) {
		Map<String, String> checked = ToolArguments.strings("leader-set", settings);
		List<String> args = new ArrayList<>();
		Set<Integer> secret = new HashSet<>();
		checked.forEach((key, value) -> {
			checkArgValue("leader-set", key, value);
			secret.add(args.size());
			args.add(key + "=" + value);
		});
		try {
			run(new ToolCall("leader-set", args, null, secret));
		}
		catch (NotLeaderException ex) {
			// Juju answers "not leader" for the rest of the hook once it has said so.
			this.leader = false;
			throw ex;
		}
		if (this.leaderSettings != null) {
			update(this.leaderSettings, checked);
		}
	}

	/**
	 * Refuses a {@code key=value} argument that argv cannot carry intact, before anything
	 * else changes: Juju trims values, a NUL cannot be passed, and Linux caps one argument.
	 * {@link #leaderSet} and {@link #actionSet} apply it themselves; callers that must
	 * validate before other side effects (such as updating flags) can apply it first.
	 * @param tool the tool the value is for, named in the message
	 * @param key the key, named in the message (the value never is)
	 * @param value the value
	 * @throws IllegalArgumentException when the value would not arrive as given
	 */
	public static void checkArgumentValue(String tool, String key, String value) {
		ToolArguments.checkArgValue(tool, key, value);
	}

	/**
	 * Refuses a key Juju cannot take: empty, with {@code =}, or with white space it would
	 * trim (Go's rule, not Java's). The tools that write keys apply it themselves; it is
	 * here for callers that must validate before other side effects.
	 * @param tool the tool the key is for, named in the message
	 * @param key the key
	 * @throws IllegalArgumentException when the key is not valid
	 */
	public static void checkKey(String tool, String key) {
		ToolArguments.checkKey(tool, key);
	}

	// --- relations -----------------------------------------------------------------------

	/**
	 * {@code relation-ids --format=json <endpoint>}: the relations of an endpoint, for
	 * example {@code [db:2, db:10]}. Read once per endpoint per hook.
	 * @param endpoint the endpoint name from metadata.yaml
	 * @return relation ids, as Juju orders them
	 */
	public List<String> relationIds(String endpoint) {
		checkPositional("relation-ids", "endpoint", endpoint);
		return this.relationIds.computeIfAbsent(endpoint, (e) -> {
			List<String> ids = parse(ToolCall.of("relation-ids", "--format=json", e), STRING_LIST);
			return (ids != null) ? List.copyOf(ids) : List.of();
		});
	}

	/**
	 * {@code relation-list --format=json -r <id>}: the remote units in a relation (for a
	 * peer relation, the other peers), sorted by name. Read once per relation per hook.
	 * @param relationId for example {@code db:7}
	 * @return unit names
	 */
	public List<String> relationList(String relationId) {
		return this.relationUnits.computeIfAbsent(relationId, (id) -> {
			List<String> units = parse(ToolCall.of("relation-list", "--format=json", "-r", id), STRING_LIST);
			return (units != null) ? List.copyOf(units) : List.of();
		});
	}

	/**
	 * {@code relation-list --format=json -r <id> --app}: the remote application of a
	 * relation (for a peer relation, this unit's own application).
	 * @param relationId for example {@code db:7}
	 * @return the application name
	 */
	public String relationListApp(String relationId) {
		String app = parse(ToolCall.of("relation-list", "--format=json", "-r", relationId, "--app"), STRING);
		return (app != null) ? app : "";
	}

	/**
	 * {@code relation-model-get --format=json -r <id>}: the UUID of the model that hosts
	 * the relation's remote application, which differs from {@code JUJU_MODEL_UUID} for a
	 * cross-model relation. Juju 4 and recent 3.6 releases have the tool; on older ones the
	 * call fails because the command does not exist.
	 * @param relationId for example {@code db:7}
	 * @return the remote model's UUID
	 */
	public String relationModelGet(String relationId) {
		ToolCall call = ToolCall.of("relation-model-get", "--format=json", "-r", relationId);
		Map<String, Object> details = parse(call, OBJECT_MAP);
		if (details == null || !(details.get("uuid") instanceof String uuid)) {
			throw new HookToolException(call, 0, "printed JSON of an unexpected shape: expected a uuid");
		}
		return uuid;
	}

	/**
	 * {@code relation-get --format=json -r <id> [--app] - <unit-or-app>}: one data bag.
	 * Read once per bag per hook; this unit's own writes update the answer.
	 * @param relationId for example {@code db:7}
	 * @param owner the unit (or, with {@code app}, the application) whose bag to read
	 * @param app whether to read the application bag
	 * @return key to value (all strings)
	 */
	public Map<String, String> relationGet(String relationId, String owner, boolean app) {
		checkPositional("relation-get", "owner", owner);
		String cacheKey = bagKey(relationId, owner, app);
		Map<String, String> bag = this.relationData.get(cacheKey);
		if (bag == null) {
			List<String> args = new ArrayList<>(List.of("--format=json", "-r", relationId));
			if (app) {
				args.add("--app");
			}
			args.add("-");
			args.add(owner);
			Map<String, String> values = parse(new ToolCall("relation-get", args, null, Set.of()), STRING_MAP);
			bag = (values != null) ? new TreeMap<>(values) : new TreeMap<>();
			this.relationData.put(cacheKey, bag);
		}
		return Collections.unmodifiableMap(bag);
	}

	/**
	 * {@code relation-set -r <id> [--app] --file -} with the data as JSON on standard
	 * input, which keeps values out of argv and untrimmed. Juju buffers the write and
	 * commits it only if the hook succeeds. An empty value deletes the key; writing the
	 * application bag needs leadership.
	 * @param relationId for example {@code db:7}
	 * @param owner this unit's name, or with {@code app} its application's name, used to keep
	 * this hook's reads of the bag up to date
	 * @param app whether to write the application bag
	 * @param data keys to write; empty values delete
	 */
	public void relationSet(String relationId, String owner, boolean app, Map<String, String> data) {
		Map<String, String> checked = ToolArguments.strings("relation-set", data);
		List<String> args = new ArrayList<>(List.of("-r", relationId));
		if (app) {
			args.add("--app");
		}
		args.add("--file");
		args.add("-");
		run(new ToolCall("relation-set", args, Json.write(new TreeMap<>(checked)), Set.of()));
		Map<String, String> cached = this.relationData.get(bagKey(relationId, owner, app));
		if (cached != null) {
			update(cached, checked);
		}
	}

	// --- status, logging and version ---------------------------------------------------------

	/**
	 * {@code status-set [--application] <status> -- <message>}. Applied at once and kept
	 * even if the hook fails.
	 * @param status {@code maintenance}, {@code blocked}, {@code waiting} or {@code active}
	 * @param message the message, possibly empty
	 * @param application whether to set the application's status (leader only)
	 */
	public void statusSet(String status, String message, boolean application) {
		if (!List.of("maintenance", "blocked", "waiting", "active").contains(status)) {
			throw new IllegalArgumentException(
					"'status' must be one of maintenance, blocked, waiting or active, not '" + status + "'");
		}
		List<String> args = new ArrayList<>();
		if (application) {
			args.add("--application");
		}
		args.add(status);
		args.add("--");
		args.add(message);
		run(new ToolCall("status-set", args, null, Set.of()));
	}

	/**
	 * {@code status-get --format=json --include-data}: this unit's status.
	 * @return the status map: {@code status}, {@code message}, {@code status-data}
	 */
	public Map<String, Object> statusGet() {
		Map<String, Object> status = parse(ToolCall.of("status-get", "--format=json", "--include-data"), OBJECT_MAP);
		return (status != null) ? status : Map.of();
	}

	/**
	 * {@code status-get --format=json --include-data --application}: the application's
	 * status and its units' (leader only).
	 * @return the {@code application-status} map
	 */
	public Map<String, Object> applicationStatusGet() {
		Map<String, Object> status = parse(
				ToolCall.of("status-get", "--format=json", "--include-data", "--application"), OBJECT_MAP);
		Object inner = (status != null) ? status.get("application-status") : null;
		return (inner instanceof Map<?, ?> map) ? castMap(map) : Map.of();
	}

	/**
	 * {@code juju-log --log-level <level> -- <message>}: a line in {@code juju debug-log}.
	 * Messages longer than one argument are split.
	 * @param level TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL
	 * @param message the message
	 */
	public void jujuLog(String level, String message) {
		for (String part : ToolArguments.split(message, MAX_MESSAGE_CHARS)) {
			run(ToolCall.of("juju-log", "--log-level", level, "--", part));
		}
	}

	/**
	 * {@code application-version-set -- <version>}: the workload version shown in
	 * {@code juju status}. Applied at once, kept even if the hook fails.
	 * @param version for example {@code 8.0.36}; may be empty
	 */
	public void applicationVersionSet(String version) {
		run(ToolCall.of("application-version-set", "--", version));
	}

	// --- actions -----------------------------------------------------------------------------

	/**
	 * {@code action-get --format=json}: the running action's parameters with their JSON types.
	 * @return parameter name to value
	 */
	public Map<String, Object> actionGet() {
		Map<String, Object> params = parse(ToolCall.of("action-get", "--format=json"), OBJECT_MAP);
		return (params != null) ? params : Map.of();
	}

	/**
	 * {@code action-set key=value ...}: results of the running action. Nested maps are
	 * flattened to dotted keys, as Juju builds them back. Values travel in argv (the tool
	 * has no {@code --file}), are shown to the operator as given, and are redacted from
	 * any error.
	 * @param results result keys (lowercase letters, digits and hyphens) to values
	 */
	public void actionSet(Map<String, ?> results) {
		Map<String, String> flat = new LinkedHashMap<>();
		ToolArguments.flatten("", results, flat);
		List<String> args = new ArrayList<>();
		Set<Integer> secret = new HashSet<>();
		flat.forEach((key, value) -> {
			ToolArguments.checkActionKey(key);
			checkArgValue("action-set", key, value);
			secret.add(args.size());
			args.add(key + "=" + value);
		});
		run(new ToolCall("action-set", args, null, secret));
	}

	/**
	 * {@code action-fail -- <message>}: marks the running action failed. The process should
	 * still exit 0, so that its other changes are committed.
	 * @param message why it failed
	 */
	public void actionFail(String message) {
		run(ToolCall.of("action-fail", "--", message));
	}

	/**
	 * {@code action-log -- <message>}: a progress message shown to the operator at once.
	 * @param message the message
	 */
	public void actionLog(String message) {
		run(ToolCall.of("action-log", "--", message));
	}

	// --- machine and network ----------------------------------------------------------------

	/**
	 * {@code unit-get --format=json <setting>}: one of this unit's addresses. Superseded by
	 * {@link #networkGet}.
	 * @param setting {@code private-address} or {@code public-address}
	 * @return the address
	 */
	public String unitGet(String setting) {
		if (!setting.equals("private-address") && !setting.equals("public-address")) {
			throw new IllegalArgumentException(
					"unit-get: 'setting' must be private-address or public-address, not '" + setting + "'");
		}
		String address = parse(ToolCall.of("unit-get", "--format=json", setting), STRING);
		return (address != null) ? address : "";
	}

	/**
	 * {@code network-get --format=json [-r <id>] <binding>}: the addresses of a binding,
	 * with keys {@code bind-addresses}, {@code egress-subnets} and {@code ingress-addresses}
	 * (Juju leaves out those that are empty).
	 * @param binding an endpoint or extra-binding name
	 * @param relationId the relation to ask about, for example {@code db:7}, or {@code null}
	 * @return the network information
	 */
	public Map<String, Object> networkGet(String binding, @Nullable String relationId) {
		checkPositional("network-get", "binding", binding);
		List<String> args = new ArrayList<>(List.of("--format=json"));
		ToolArguments.addOption(args, "-r", relationId);
		args.add(binding);
		Map<String, Object> network = parse(new ToolCall("network-get", args, null, Set.of()), OBJECT_MAP);
		return (network != null) ? network : Map.of();
	}

	/**
	 * {@code open-port <port>} for every endpoint. Juju buffers it until the hook succeeds.
	 * @param range the port, range or ICMP
	 */
	public void openPort(PortRange range) {
		openPort(range, List.of());
	}

	/**
	 * {@code open-port [--endpoints a,b] <port>}. Juju buffers it until the hook succeeds.
	 * @param range the port, range or ICMP
	 * @param endpoints the endpoints to open it for; empty for all
	 */
	public void openPort(PortRange range, List<String> endpoints) {
		run(portCall("open-port", range, endpoints));
	}

	/**
	 * {@code close-port <port>} for every endpoint. Juju buffers it until the hook succeeds.
	 * @param range the port, range or ICMP
	 */
	public void closePort(PortRange range) {
		closePort(range, List.of());
	}

	/**
	 * {@code close-port [--endpoints a,b] <port>}. Juju buffers it until the hook succeeds.
	 * @param range the port, range or ICMP
	 * @param endpoints the endpoints to close it for; empty for all
	 */
	public void closePort(PortRange range, List<String> endpoints) {
		run(portCall("close-port", range, endpoints));
	}

	/**
	 * {@code opened-ports [--endpoints] --format=json}: what this unit has open, including
	 * this hook's pending changes.
	 * @param endpoints whether to ask which endpoints each range is open for
	 * @return the open ranges
	 */
	public List<OpenedPort> openedPorts(boolean endpoints) {
		ToolCall call = endpoints ? ToolCall.of("opened-ports", "--endpoints", "--format=json")
				: ToolCall.of("opened-ports", "--format=json");
		List<String> entries = parse(call, STRING_LIST);
		List<OpenedPort> ports = new ArrayList<>();
		for (String entry : (entries != null) ? entries : List.<String>of()) {
			try {
				ports.add(OpenedPort.parse(entry));
			}
			catch (IllegalArgumentException ex) {
				throw new HookToolException(call, 0, "printed an entry that is not a port range: " + ex.getMessage());
			}
		}
		return List.copyOf(ports);
	}

	/**
	 * {@code juju-reboot [--now]}. Without {@code now} the machine reboots after the hook
	 * succeeds; with it Juju kills this process at once and reruns the hook after the
	 * reboot. Refused in actions.
	 * @param now whether to reboot immediately
	 * @throws RebootNowException always when {@code now}, so that nothing after the call
	 * runs or commits while Juju kills the process
	 */
	public void jujuReboot(boolean now) {
		run(now ? ToolCall.of("juju-reboot", "--now") : ToolCall.of("juju-reboot"));
		if (now) {
			throw new RebootNowException();
		}
	}

	/**
	 * {@code goal-state --format=json}: the units and relations Juju is working towards,
	 * under {@code units} and {@code relations}.
	 * @return the goal state
	 */
	public Map<String, Object> goalState() {
		Map<String, Object> goal = parse(ToolCall.of("goal-state", "--format=json"), OBJECT_MAP);
		return (goal != null) ? goal : Map.of();
	}

	/**
	 * {@code credential-get --format=json}: the cloud credential, for charms deployed with
	 * {@code --trust}. Not available on Kubernetes.
	 * @return the cloud spec (type, region, endpoint, credential...)
	 */
	public Map<String, Object> credentialGet() {
		Map<String, Object> spec = parse(ToolCall.of("credential-get", "--format=json"), OBJECT_MAP);
		return (spec != null) ? spec : Map.of();
	}

	/**
	 * {@code resource-get <name>}: downloads a resource if needed and returns its local
	 * path. The tool has no {@code --format} and prints the path without a newline.
	 * @param name the resource name from metadata.yaml
	 * @return the file's path
	 */
	public Path resourceGet(String name) {
		checkPositional("resource-get", "name", name);
		ToolCall call = ToolCall.of("resource-get", name);
		String out = run(call);
		String path = out.endsWith("\n") ? out.substring(0, out.length() - 1) : out;
		if (path.isBlank()) {
			throw new HookToolException(call, 0, "printed no path");
		}
		return Path.of(path);
	}

	// --- storage -------------------------------------------------------------------------------

	/**
	 * {@code storage-get --format=json [-s <id>]}: a storage instance's {@code kind}
	 * ({@code block} or {@code filesystem}) and {@code location}.
	 * @param id the instance, for example {@code data/0}, or {@code null} for the one of
	 * the current storage hook
	 * @return attribute to value
	 */
	public Map<String, String> storageGet(@Nullable String id) {
		ToolCall call = (id != null) ? ToolCall.of("storage-get", "--format=json", "-s", id)
				: ToolCall.of("storage-get", "--format=json");
		Map<String, String> storage = parse(call, STRING_MAP);
		return (storage != null) ? storage : Map.of();
	}

	/**
	 * {@code storage-list --format=json [<name>]}: the storage instances attached to this unit.
	 * @param name only this storage name, or {@code null} for all
	 * @return instance ids, for example {@code data/0}
	 */
	public List<String> storageList(@Nullable String name) {
		ToolCall call = (name != null)
				? ToolCall.of("storage-list", "--format=json", checkPositional("storage-list", "name", name))
				: ToolCall.of("storage-list", "--format=json");
		List<String> ids = parse(call, STRING_LIST);
		return (ids != null) ? List.copyOf(ids) : List.of();
	}

	/**
	 * {@code storage-add <name>=<count> ...}: asks for more storage instances. Juju buffers
	 * the request until the hook succeeds.
	 * @param counts storage name to how many instances to add (at least 1)
	 */
	public void storageAdd(Map<String, Integer> counts) {
		if (counts.isEmpty()) {
			throw new IllegalArgumentException("storage-add: 'counts' must name at least one storage");
		}
		List<String> args = new ArrayList<>();
		counts.forEach((name, count) -> {
			ToolArguments.checkKey("storage-add", name);
			checkPositional("storage-add", "name", name);
			if (count == null || count < 1) {
				throw new IllegalArgumentException("storage-add: the count for '" + name + "' must be at least 1");
			}
			args.add(name + "=" + count);
		});
		run(new ToolCall("storage-add", args, null, Set.of()));
	}

	// --- charm state (controller side) -----------------------------------------------------------

	/**
	 * {@code state-get --format=json <key>}: one value of this unit's controller-side state,
	 * including this hook's own pending writes.
	 * @param key the key
	 * @return the value; empty when the key is not set (Juju does not tell the two apart)
	 */
	public String stateGet(String key) {
		checkStateKey("state-get", key);
		String value = parse(ToolCall.of("state-get", "--format=json", key), STRING);
		return (value != null) ? value : "";
	}

	/**
	 * {@code state-get --format=json}: all of this unit's controller-side state.
	 * @return key to value; empty when nothing is set
	 */
	public Map<String, String> stateGetAll() {
		// Juju prints null rather than {} when no state has been set (juju/juju#22523).
		Map<String, String> values = parse(ToolCall.of("state-get", "--format=json"), STRING_MAP);
		return (values != null) ? Collections.unmodifiableMap(new TreeMap<>(values)) : Map.of();
	}

	/**
	 * {@code state-set --file -} with the values as JSON on standard input, kept untrimmed
	 * and out of argv. Juju buffers the write until the hook succeeds. Unlike
	 * {@code relation-set}, an empty value is stored, not deleted; use {@link #stateDelete}.
	 * @param values keys (at most 256 bytes) to values (at most 65536 bytes)
	 */
	public void stateSet(Map<String, String> values) {
		Map<String, String> checked = ToolArguments.strings("state-set", values);
		if (checked.isEmpty()) {
			return;
		}
		checked.forEach((key, value) -> {
			checkStateKey("state-set", key);
			if (ToolArguments.utf8Length(value) > 65536) {
				throw new IllegalArgumentException("state-set: the value of '" + key + "' is "
						+ ToolArguments.utf8Length(value) + " bytes; Juju allows at most 65536");
			}
		});
		run(new ToolCall("state-set", List.of("--file", "-"), Json.write(new TreeMap<>(checked)),
				Set.of()));
	}

	/**
	 * {@code state-delete <key>}: removes a key; removing a missing key does nothing.
	 * Juju buffers it until the hook succeeds.
	 * @param key the key
	 */
	public void stateDelete(String key) {
		checkStateKey("state-delete", key);
		run(ToolCall.of("state-delete", key));
	}

	// --- secrets ---------------------------------------------------------------------------------

	/**
	 * {@code secret-add [options] --owner <owner> key#file=<path> ...}: creates a secret.
	 * Each value is written to a file readable only by this user, in a private directory
	 * deleted afterwards, so no value appears in argv. Juju buffers the creation until the
	 * hook succeeds, but the content can be read in this hook.
	 * @param content keys (at least 3 lowercase letters, digits and hyphens) to values
	 * @param options label, description, expiry, rotation and owner
	 * @return the new secret's URI
	 */
	public String secretAdd(Map<String, String> content, SecretOptions options) {
		Map<String, String> checked = ToolArguments.strings("secret-add", content);
		if (checked.isEmpty()) {
			throw new IllegalArgumentException("secret-add: 'content' must not be empty");
		}
		List<String> args = new ArrayList<>(options.arguments());
		args.add("--owner");
		args.add((options.owner() != null) ? options.owner() : "application");
		String out = runWithContent("secret-add", args, List.of(), checked);
		String uri = out.strip();
		if (uri.isEmpty()) {
			throw new HookToolException(ToolCall.of("secret-add"), 0, "printed no secret URI");
		}
		return uri;
	}

	/**
	 * {@code secret-set [options] <id> [key#file=<path> ...]}: a new revision (when the
	 * content changed) and/or new metadata. Content travels through private files, as for
	 * {@link #secretAdd}.
	 * @param id the secret URI
	 * @param content the new content, or empty to change metadata only
	 * @param options the metadata to change; {@code owner} must be {@code null}, as Juju
	 * keeps a secret's owner
	 */
	public void secretSet(String id, Map<String, String> content, SecretOptions options) {
		checkPositional("secret-set", "id", id);
		if (options.owner() != null) {
			throw new IllegalArgumentException("secret-set: a secret's owner cannot be changed; leave 'owner' unset");
		}
		Map<String, String> checked = ToolArguments.strings("secret-set", content);
		runWithContent("secret-set", options.arguments(), List.of(id), checked);
	}

	/**
	 * {@code secret-get --format=json <id>}: the content of the revision this unit tracks.
	 * @param id the secret URI
	 * @return key to value
	 * @throws SecretNotFoundException when the secret does not exist or is not visible
	 */
	public Map<String, String> secretGet(String id) {
		return secretGet(id, null, SecretRevision.TRACKED);
	}

	/**
	 * {@code secret-get --format=json [<id>] [--label <label>] [--peek|--refresh]}: a
	 * secret's content. With both an id and a label, the label is attached to the secret.
	 * The content is never put in an exception message.
	 * @param id the secret URI, or {@code null} to look it up by label
	 * @param label the label, or {@code null}
	 * @param revision which revision to read
	 * @return key to value
	 * @throws SecretNotFoundException when the secret does not exist or is not visible
	 */
	public Map<String, String> secretGet(@Nullable String id, @Nullable String label, SecretRevision revision) {
		if (id == null && label == null) {
			throw new IllegalArgumentException("secret-get: give a secret id, a label, or both");
		}
		List<String> args = new ArrayList<>(List.of("--format=json"));
		if (id != null) {
			args.add(checkPositional("secret-get", "id", id));
		}
		ToolArguments.addOption(args, "--label", label);
		if (revision == SecretRevision.REFRESH) {
			args.add("--refresh");
		}
		else if (revision == SecretRevision.PEEK) {
			args.add("--peek");
		}
		Map<String, String> content = parse(new ToolCall("secret-get", args, null, Set.of()), STRING_MAP);
		return (content != null) ? content : Map.of();
	}

	/**
	 * {@code secret-info-get --format=json <id>} or {@code --label <label>}: a secret's
	 * metadata (owner only).
	 * @param id the secret URI, or {@code null} to look it up by label
	 * @param label the label, or {@code null}; exactly one of the two must be given
	 * @return the metadata Juju prints ({@code revision}, {@code label}, {@code owner},
	 * {@code rotation}, {@code expiry}...), with the secret's id added under {@code id}
	 */
	public Map<String, Object> secretInfoGet(@Nullable String id, @Nullable String label) {
		if ((id == null) == (label == null)) {
			throw new IllegalArgumentException("secret-info-get: give either a secret id or a label");
		}
		ToolCall call = (id != null)
				? ToolCall.of("secret-info-get", "--format=json", checkPositional("secret-info-get", "id", id))
				: ToolCall.of("secret-info-get", "--format=json", "--label", label);
		Map<String, Object> all = parse(call, OBJECT_MAP);
		if (all == null || all.size() != 1 || !(all.values().iterator().next() instanceof Map<?, ?> info)) {
			throw new HookToolException(call, 0, "printed JSON of an unexpected shape: expected one secret");
		}
		Map<String, Object> result = new LinkedHashMap<>(castMap(info));
		result.putIfAbsent("id", all.keySet().iterator().next());
		return Collections.unmodifiableMap(result);
	}

	/**
	 * {@code secret-ids --format=json}: the secrets this unit or application owns.
	 * @return secret ids, in no particular order
	 */
	public List<String> secretIds() {
		List<String> ids = parse(ToolCall.of("secret-ids", "--format=json"), STRING_LIST);
		return (ids != null) ? List.copyOf(ids) : List.of();
	}

	/**
	 * {@code secret-grant --relation <relation> [--unit <unit>] <id>}: lets the remote side
	 * of a relation read a secret. Juju buffers it until the hook succeeds.
	 * @param id the secret URI
	 * @param relationId the relation, for example {@code db:7}
	 * @param unit only this remote unit, or {@code null} for the whole remote application
	 */
	public void secretGrant(String id, String relationId, @Nullable String unit) {
		checkPositional("secret-grant", "id", id);
		requireNonEmpty("secret-grant", "relationId", relationId);
		List<String> args = new ArrayList<>(List.of("--relation", relationId));
		ToolArguments.addOption(args, "--unit", unit);
		args.add(id);
		run(new ToolCall("secret-grant", args, null, Set.of()));
	}

	/**
	 * {@code secret-revoke [--relation <relation>] [--app <app>] [--unit <unit>] <id>}:
	 * takes back access granted with {@link #secretGrant}. Juju buffers it until the hook
	 * succeeds. In a relation hook Juju takes that relation when none is given: there, with
	 * no arguments it revokes the remote application, and an {@code app} is refused ("do not
	 * specify both relation and app").
	 * @param id the secret URI
	 * @param relationId the relation whose grant to revoke, or {@code null}
	 * @param app revoke for this whole application, or {@code null}
	 * @param unit revoke for this unit only, or {@code null}
	 */
	public void secretRevoke(String id, @Nullable String relationId, @Nullable String app, @Nullable String unit) {
		checkPositional("secret-revoke", "id", id);
		List<String> args = new ArrayList<>();
		ToolArguments.addOption(args, "--relation", relationId);
		ToolArguments.addOption(args, "--app", app);
		ToolArguments.addOption(args, "--unit", unit);
		args.add(id);
		run(new ToolCall("secret-revoke", args, null, Set.of()));
	}

	/**
	 * {@code secret-remove <id> [--revision <n>]}: removes a secret, or one revision of it.
	 * Juju buffers it until the hook succeeds.
	 * @param id the secret URI
	 * @param revision the revision to remove, or {@code null} for every revision
	 */
	public void secretRemove(String id, @Nullable Integer revision) {
		checkPositional("secret-remove", "id", id);
		ToolCall call = (revision != null) ? ToolCall.of("secret-remove", id, "--revision", revision.toString())
				: ToolCall.of("secret-remove", id);
		run(call);
	}

	// --- plumbing ------------------------------------------------------------------------------

	/**
	 * Runs a call and fails on a non-zero exit.
	 * @param call the call
	 * @return its standard output
	 */
	String run(ToolCall call) {
		ToolArguments.checkArgv(call);
		ToolResult result = this.runner.run(call);
		if (!result.isSuccess()) {
			throw HookToolException.of(call, result);
		}
		return result.stdout();
	}

	/**
	 * Runs a call and parses its JSON output. Parse errors name the tool and where the JSON
	 * broke, never the output itself, which may hold secret values.
	 * @return the value, or {@code null} for JSON {@code null} (a missing key)
	 */
	<T> @Nullable T parse(ToolCall call, Shape<T> shape) {
		String out = run(call);
		if (out.isBlank()) {
			throw new HookToolException(call, 0, "printed nothing where JSON was expected");
		}
		Object value;
		try {
			value = Json.parse(out);
		}
		catch (JsonException ex) {
			throw new HookToolException(call, 0, "printed " + ex.getMessage() + " (" + out.length() + " characters)");
		}
		try {
			return (value != null) ? shape.of(value) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new HookToolException(call, 0, "printed JSON of an unexpected shape: " + ex.getMessage());
		}
	}

	private String runWithContent(String tool, List<String> options, List<String> positional,
			Map<String, String> content) {
		if (content.isEmpty()) {
			List<String> args = new ArrayList<>(options);
			args.addAll(positional);
			return run(new ToolCall(tool, args, null, Set.of()));
		}
		try (SecretFiles files = SecretFiles.write(tool, content)) {
			List<String> args = new ArrayList<>(options);
			args.addAll(positional);
			args.addAll(files.arguments());
			return run(new ToolCall(tool, args, null, Set.of()));
		}
	}

	private static ToolCall portCall(String tool, PortRange range, List<String> endpoints) {
		List<String> args = new ArrayList<>();
		if (!endpoints.isEmpty()) {
			for (String endpoint : endpoints) {
				if (endpoint.isBlank() || endpoint.contains(",") || !endpoint.strip().equals(endpoint)) {
					throw new IllegalArgumentException(tool + ": endpoint '" + endpoint + "' is not an endpoint name");
				}
			}
			args.add("--endpoints");
			args.add(String.join(",", endpoints));
		}
		args.add(range.toString());
		return new ToolCall(tool, args, null, Set.of());
	}

	private static void checkStateKey(String tool, String key) {
		ToolArguments.checkKey(tool, key);
		// Keys go to state-get and state-delete as positionals, where '-' starts an option.
		checkPositional(tool, "key", key);
		if (ToolArguments.utf8Length(key) > 256) {
			throw new IllegalArgumentException(tool + ": key '" + key.substring(0, 32)
					+ "...' is longer than Juju's 256 bytes");
		}
	}

	private static void update(Map<String, String> cached, Map<String, String> written) {
		written.forEach((key, value) -> {
			if (value.isEmpty()) {
				cached.remove(key);
			}
			else {
				cached.put(key, value);
			}
		});
	}

	private static String bagKey(String relationId, String owner, boolean app) {
		return relationId + (app ? " app " : " unit ") + owner;
	}

	@SuppressWarnings("unchecked")
	static <V> Map<String, V> castMap(Map<?, ?> map) {
		return (Map<String, V>) map;
	}

	static String typeName(@Nullable Object value) {
		return (value != null) ? value.getClass().getSimpleName() : "null";
	}
}
