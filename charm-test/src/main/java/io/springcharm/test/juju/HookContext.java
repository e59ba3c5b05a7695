package io.springcharm.test.juju;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.hook.JujuVersion;
import io.springcharm.framework.tool.JujuText;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.framework.tool.ToolRunner;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The hook tools of one hook (or action) of one unit, answering as Juju's do: argv parsed
 * like Juju's (options anywhere, {@code --}, {@code --format=json|yaml|smart}), Juju's
 * output shapes, exit 2 for bad usage and 1 for runtime errors with one {@code ERROR} line
 * on stderr, and Juju's access rules.
 * <p>
 * Commit rules (juju-reference §2.11): {@code status-set}, {@code leader-set},
 * {@code application-version-set}, {@code juju-log} and {@code action-log} change the model
 * at once; {@code relation-set}, {@code open-port}/{@code close-port},
 * {@code state-set}/{@code state-delete}, {@code secret-*} and {@code storage-add} are
 * buffered until {@link #commit()} (call it only when the hook exited 0) and dropped by
 * {@link #discard()}. This hook's own reads see its pending writes; remote relation data,
 * config and leader settings are read as of the hook's start. After commit or discard,
 * every tool fails, as Juju's do once the hook has returned.
 */
public final class HookContext implements ToolRunner {

	/** Tools Juju has that this in-memory Juju does not answer. */
	public static final Set<String> NOT_IMPLEMENTED = Set.of("add-metric", "payload-register", "payload-unregister", "payload-status-set",
			"pod-spec-get", "pod-spec-set", "k8s-spec-get", "k8s-spec-set", "k8s-raw-get", "k8s-raw-set");

	private static final Set<String> REMOVED_IN_JUJU_4 = Set.of("leader-get", "leader-set");

	private static final Set<String> DATA_TOOLS = Set.of("relation-set", "leader-set", "state-set", "action-set",
			"secret-add", "secret-set");

	final JujuModel model;

	final String unit;

	final String hook;

	final Map<String, String> env;

	final @Nullable String action;

	final Map<String, Object> params;

	final Map<String, Object> configSnapshot;

	final Map<String, @Nullable Object> configAllSnapshot;

	final Map<Integer, Map<String, SortedMap<String, String>>> unitBagSnapshot = new HashMap<>();

	final Map<Integer, Map<String, SortedMap<String, String>>> appBagSnapshot = new HashMap<>();

	final Map<Integer, SortedMap<String, String>> pendingUnit = new TreeMap<>();

	final Map<Integer, SortedMap<String, String>> pendingApp = new TreeMap<>();

	@Nullable SortedSet<PortRange> ports;

	/** This hook's charm state once a tool changed it; {@code null} while untouched. */
	@Nullable SortedMap<String, String> charmState;

	final Map<String, SecretState> newSecrets = new LinkedHashMap<>();

	final List<Runnable> secretOps = new ArrayList<>();

	/** Whether this hook changed an application-owned secret: committed only by a leader. */
	boolean appSecretsChanged;

	/** Grants of the secrets whose grants this hook changed, as it sees them, by secret id. */
	final Map<String, SortedMap<Integer, SortedSet<String>>> secretGrants = new HashMap<>();

	final List<String> storageAdds = new ArrayList<>();

	@Nullable SortedMap<String, String> leaderCache;

	boolean notLeader;

	boolean leaderSettingsChanged;

	final Map<String, Object> actionResults = new TreeMap<>();

	@Nullable String actionFailure;

	final List<String> actionLogs = new ArrayList<>();

	@Nullable Reboot reboot;

	private final List<ToolCallRecord> calls = new ArrayList<>();

	private final Map<String, ToolFunction> tools = new HashMap<>();

	private boolean open = true;

	HookContext(JujuModel model, String unit, String hook, Map<String, String> env, @Nullable String action,
			Map<String, ?> params) {
		this.model = model;
		this.unit = unit;
		this.hook = hook;
		this.env = Map.copyOf(env);
		this.action = action;
		this.params = Collections.unmodifiableMap(new TreeMap<>(params));
		this.configSnapshot = model.config();
		this.configAllSnapshot = model.configAll();
		model.relations.forEach((id, relation) -> {
			Map<String, SortedMap<String, String>> units = new HashMap<>();
			relation.unitBags.forEach((u, bag) -> units.put(u, new TreeMap<>(bag)));
			this.unitBagSnapshot.put(id, units);
			Map<String, SortedMap<String, String>> apps = new HashMap<>();
			relation.appBags.forEach((a, bag) -> apps.put(a, new TreeMap<>(bag)));
			this.appBagSnapshot.put(id, apps);
		});
		new RelationTools(this).register(this.tools);
		new UnitTools(this).register(this.tools);
		new SecretTools(this).register(this.tools);
		if (!JujuVersion.parse(this.env.get("JUJU_VERSION")).hasLeaderSettings()) {
			// Juju 4 no longer has these tools at all: the charm meets a missing command.
			this.tools.keySet().removeAll(REMOVED_IN_JUJU_4);
		}
	}

	/** The unit running the hook. */
	public String unitName() {
		return this.unit;
	}

	/** The hook name, or the action name for an action. */
	public String hookName() {
		return this.hook;
	}

	/** The hook's environment, as given. */
	public Map<String, String> environment() {
		return this.env;
	}

	/** Whether this context runs an action. */
	public boolean isAction() {
		return this.action != null;
	}

	/**
	 * Answers one tool call. Never throws for a tool's own failure: that is a non-zero
	 * {@link ToolResult}.
	 * @param call the tool and its argv
	 * @return exit code, stdout and stderr, as Juju's tool would give them
	 */
	@Override
	public ToolResult run(ToolCall call) {
		synchronized (this.model.lock) {
			ToolResult result;
			if (!this.open) {
				result = ToolResult.error(1, "the " + this.hook + " hook of " + this.unit
						+ " has ended; hook tools work only while their hook runs");
			}
			else if (this.reboot == Reboot.NOW) {
				// Juju has killed the hook's process by now; an in-process charm still runs.
				result = ToolResult.error(1, "the " + this.hook + " hook of " + this.unit
						+ " was killed by juju-reboot --now");
			}
			else {
				try {
					result = dispatch(call);
				}
				catch (ToolError ex) {
					result = ex.result();
				}
			}
			ToolCallRecord record = new ToolCallRecord(this.unit, this.hook, redact(call), result.exitCode());
			this.calls.add(record);
			this.model.toolCalls.add(record);
			return result;
		}
	}

	private ToolResult dispatch(ToolCall call) throws ToolError {
		ToolFunction tool = this.tools.get(call.tool());
		if (tool != null) {
			return tool.apply(call);
		}
		if (NOT_IMPLEMENTED.contains(call.tool())) {
			throw ToolError.failure("not implemented in the in-memory Juju");
		}
		throw ToolError.failure("unknown tool " + ToolArgs.quote(call.tool()));
	}

	/**
	 * Applies the hook's buffered changes: relation data, ports, charm state, secrets,
	 * storage. Call only when the hook exited 0. A hook that called
	 * {@code juju-reboot --now} was killed by Juju: nothing is applied, as by
	 * {@link #discard()}.
	 * @return what changed, for queueing other units' hooks
	 * @throws CommitException when the changes cannot be applied (an application-bag write,
	 * or a change to an application-owned secret, by a unit that is no longer leader);
	 * nothing is applied then
	 * @throws IllegalStateException when already committed or discarded
	 */
	public HookChanges commit() {
		synchronized (this.model.lock) {
			if (this.reboot == Reboot.NOW) {
				return discard();
			}
			close();
			// Juju commits a hook's changes in one transaction that re-checks leadership.
			if (!this.model.isLeader(this.unit)) {
				if (this.pendingApp.values().stream().anyMatch((m) -> !m.isEmpty())) {
					throw new CommitException("cannot write relation settings: " + this.unit + " is no longer the leader");
				}
				if (this.appSecretsChanged) {
					throw new CommitException("cannot change the application's secrets: " + this.unit
							+ " is no longer the leader");
				}
			}
			Set<Integer> unitChanged = new TreeSet<>();
			Set<Integer> appChanged = new TreeSet<>();
			this.pendingUnit.forEach((id, changes) -> {
				if (this.model.setUnitData(id, this.unit, changes)) {
					unitChanged.add(id);
				}
			});
			this.pendingApp.forEach((id, changes) -> {
				if (this.model.setAppData(id, this.model.appName(), changes)) {
					appChanged.add(id);
				}
			});
			UnitRecord record = this.model.unit(this.unit);
			if (this.ports != null) {
				record.ports.clear();
				record.ports.addAll(this.ports);
			}
			if (this.charmState != null) {
				record.charmState = this.charmState;
			}
			this.newSecrets.forEach(this.model.secrets::put);
			this.secretOps.forEach(Runnable::run);
			this.storageAdds.forEach((name) -> this.model.attachStorage(this.unit, name));
			return new HookChanges(this.unit, this.hook, true, unitChanged, appChanged, this.leaderSettingsChanged);
		}
	}

	/**
	 * Drops the hook's buffered changes (the hook failed). Immediate effects such as
	 * statuses and leader settings stay.
	 * @return what changed anyway: leader settings
	 * @throws IllegalStateException when already committed or discarded
	 */
	public HookChanges discard() {
		synchronized (this.model.lock) {
			close();
			return new HookChanges(this.unit, this.hook, false, Set.of(), Set.of(), this.leaderSettingsChanged);
		}
	}

	/** The reboot this hook asked for with {@code juju-reboot}, or {@code null}. */
	public @Nullable Reboot reboot() {
		synchronized (this.model.lock) {
			return this.reboot;
		}
	}

	/** Whether tools still work: neither committed nor discarded. */
	public boolean isOpen() {
		synchronized (this.model.lock) {
			return this.open;
		}
	}

	/** This hook's tool calls, in order, values redacted. */
	public List<ToolCallRecord> toolCalls() {
		synchronized (this.model.lock) {
			return List.copyOf(this.calls);
		}
	}

	/** The action's results ({@code action-set}), nested at dots. */
	public Map<String, Object> actionResults() {
		synchronized (this.model.lock) {
			return deepCopy(this.actionResults);
		}
	}

	/** The {@code action-fail} message, or {@code null} when the action did not call it. */
	public @Nullable String actionFailure() {
		synchronized (this.model.lock) {
			return this.actionFailure;
		}
	}

	/** The action's {@code action-log} messages, in order. */
	public List<String> actionLogs() {
		synchronized (this.model.lock) {
			return List.copyOf(this.actionLogs);
		}
	}

	// --- helpers shared by the tool families -------------------------------------------------

	/** Whether this unit leads; once found not to, it stays "no" for the hook, as in Juju. */
	boolean isLeader() {
		if (this.notLeader) {
			return false;
		}
		boolean leader = this.model.isLeader(this.unit);
		this.notLeader = !leader;
		return leader;
	}

	/** Prints a value in the requested format, or writes it to {@code -o <file>}. */
	ToolResult emit(ToolArgs args, @Nullable Object value, String format) throws ToolError {
		return emitText(args, Output.render(value, format));
	}

	ToolResult emitText(ToolArgs args, String text) throws ToolError {
		String output = args.value("o");
		if (output == null) {
			return ToolResult.ok(text);
		}
		try {
			Files.writeString(charmDir().resolve(output), text, StandardCharsets.UTF_8);
			return ToolResult.ok("");
		}
		catch (IOException ex) {
			throw ToolError.failure("cannot write output file " + ToolArgs.quote(output) + ": " + ex.getMessage());
		}
	}

	Path charmDir() {
		String dir = this.env.getOrDefault("JUJU_CHARM_DIR", "");
		return dir.isEmpty() ? Path.of(".") : Path.of(dir);
	}

	String envValue(String name) {
		return this.env.getOrDefault(name, "");
	}

	/** Reads {@code --file}: standard input for {@code -}, otherwise a path from the charm directory. */
	String readFile(String file, @Nullable String stdin) throws ToolError {
		if (file.equals("-")) {
			return (stdin != null) ? stdin : "";
		}
		try {
			return Files.readString(charmDir().resolve(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw ToolError.failure("open " + file + ": no such file or directory");
		}
	}

	/** Decodes a {@code --file} YAML map into strings, untrimmed, as relation-set and state-set do. */
	static Map<String, String> yamlSettings(String text) throws ToolError {
		Object document;
		try {
			document = new Yaml(new SafeConstructor(new LoaderOptions())).load(text);
		}
		catch (YAMLException ex) {
			throw ToolError.failure("cannot parse settings: the file is not valid YAML");
		}
		Map<String, String> settings = new LinkedHashMap<>();
		if (document == null) {
			return settings;
		}
		if (!(document instanceof Map<?, ?> map)) {
			throw ToolError.failure("cannot parse settings: expected a map");
		}
		for (Map.Entry<?, ?> e : map.entrySet()) {
			Object value = e.getValue();
			if (value instanceof Map<?, ?> || value instanceof List<?>) {
				throw ToolError.failure("cannot parse settings: value of key " + ToolArgs.quote(String.valueOf(e.getKey()))
						+ " is not a string");
			}
			settings.put(String.valueOf(e.getKey()), (value != null) ? value.toString() : "");
		}
		return settings;
	}

	/**
	 * Juju's key=value argument rules: split at the first {@code =}, trim both sides, skip
	 * empty arguments, reject duplicates. Offending arguments are shown without their values.
	 */
	static Map<String, String> keyValues(ToolArgs args, int from) throws ToolError {
		Map<String, String> result = new LinkedHashMap<>();
		for (int i = from; i < args.positionals().size(); i++) {
			String arg = args.positionals().get(i);
			if (arg.isEmpty()) {
				continue;
			}
			int eq = arg.indexOf('=');
			if (eq < 0 || JujuText.trimSpace(arg.substring(0, eq)).isEmpty()) {
				String shown = (eq < 0) ? ToolCall.REDACTED : "=" + ToolCall.REDACTED;
				throw ToolError.usage("expected \"key=value\", got " + ToolArgs.quote(shown));
			}
			String key = JujuText.trimSpace(arg.substring(0, eq));
			if (result.put(key, JujuText.trimSpace(arg.substring(eq + 1))) != null) {
				throw ToolError.usage("key " + ToolArgs.quote(key) + " specified more than once");
			}
		}
		return result;
	}

	private void close() {
		if (!this.open) {
			throw new IllegalStateException("the " + this.hook + " hook of " + this.unit + " was already "
					+ "committed or discarded");
		}
		this.open = false;
	}

	private static ToolCall redact(ToolCall call) {
		List<String> args = new ArrayList<>(call.redactedArgs());
		if (DATA_TOOLS.contains(call.tool())) {
			for (int i = 0; i < args.size(); i++) {
				String arg = args.get(i);
				int eq = arg.indexOf('=');
				if (!arg.startsWith("-") && eq >= 0) {
					args.set(i, arg.substring(0, eq + 1) + ToolCall.REDACTED);
				}
			}
		}
		return new ToolCall(call.tool(), args, (call.stdin() != null) ? ToolCall.REDACTED : null, Set.of());
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> deepCopy(Map<String, Object> map) {
		Map<String, Object> copy = new TreeMap<>();
		map.forEach((k, v) -> copy.put(k, (v instanceof Map<?, ?> m) ? deepCopy((Map<String, Object>) m) : v));
		return Collections.unmodifiableMap(copy);
	}

	/** One tool. */
	@FunctionalInterface
	interface ToolFunction {

		ToolResult apply(ToolCall call) throws ToolError;
	}
}
