package io.springcharm.framework.tool;

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
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * One method per Juju hook tool, named after it ({@code relation-get} is
 * {@link #relationGet}). This is the only place that builds tool command lines: it asks for
 * {@code --format=json} wherever a tool offers it, puts {@code --} before free text, sends
 * large data through {@code --file -}, checks values before calling, and turns a non-zero
 * exit into a {@link HookToolException}.
 * <p>
 * One instance serves one hook. Read-only answers ({@code config-get}, {@code is-leader},
 * {@code leader-get}, {@code relation-ids}, {@code relation-list}, {@code relation-get})
 * are fetched once and reused; this hook's own writes update them, so reads see the
 * writes as Juju's own hook context does.
 */
public final class HookTools {

	/** Linux's limit for one argv string (MAX_ARG_STRLEN) less its terminating NUL. */
	static final int MAX_ARG_BYTES = 131071;

	private static final TypeReference<Map<String, Object>> OBJECT_MAP = new TypeReference<>() {
	};

	private static final TypeReference<Map<String, String>> STRING_MAP = new TypeReference<>() {
	};

	private static final TypeReference<List<String>> STRING_LIST = new TypeReference<>() {
	};

	private final ToolRunner runner;

	private final JsonMapper json;

	private @Nullable Map<String, Object> config;

	private @Nullable Boolean leader;

	private @Nullable Map<String, String> leaderSettings;

	private final Map<String, List<String>> relationIds = new HashMap<>();

	private final Map<String, List<String>> relationUnits = new HashMap<>();

	private final Map<String, Map<String, String>> relationData = new HashMap<>();

	/**
	 * @param runner runs each tool
	 * @param json parses the tools' JSON output
	 */
	public HookTools(ToolRunner runner, JsonMapper json) {
		this.runner = runner;
		this.json = json;
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
	 * {@code is-leader --format=json}. Read once per hook: Juju guarantees a leader keeps
	 * leadership for 30 seconds after a check, and once a unit was found not to lead, Juju
	 * itself answers "no" for the rest of the hook.
	 * @return whether this unit is the leader
	 */
	public boolean isLeader() {
		if (this.leader == null) {
			Boolean value = parse(ToolCall.of("is-leader", "--format=json"), new TypeReference<Boolean>() {
			});
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
	 * or that do not fit in one argument are refused before calling.
	 * @param settings keys to write; empty values delete
	 */
	public void leaderSet(Map<String, String> settings) {
		List<String> args = new ArrayList<>();
		Set<Integer> secret = new HashSet<>();
		settings.forEach((key, value) -> {
			checkKey("leader-set", key);
			checkArgValue("leader-set", key, value);
			secret.add(args.size());
			args.add(key + "=" + value);
		});
		run(new ToolCall("leader-set", args, null, secret));
		if (this.leaderSettings != null) {
			settings.forEach((key, value) -> {
				if (value.isEmpty()) {
					this.leaderSettings.remove(key);
				}
				else {
					this.leaderSettings.put(key, value);
				}
			});
		}
	}

	// --- relations -----------------------------------------------------------------------

	/**
	 * {@code relation-ids --format=json <endpoint>}: the relations of an endpoint, for
	 * example {@code [db:2, db:10]}. Read once per endpoint per hook.
	 * @param endpoint the endpoint name from metadata.yaml
	 * @return relation ids, as Juju orders them
	 */
	public List<String> relationIds(String endpoint) {
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
		String app = parse(ToolCall.of("relation-list", "--format=json", "-r", relationId, "--app"),
				new TypeReference<String>() {
				});
		return (app != null) ? app : "";
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
		data.keySet().forEach((key) -> checkKey("relation-set", key));
		List<String> args = new ArrayList<>(List.of("-r", relationId));
		if (app) {
			args.add("--app");
		}
		args.add("--file");
		args.add("-");
		run(new ToolCall("relation-set", args, this.json.writeValueAsString(new TreeMap<>(data)), Set.of()));
		Map<String, String> cached = this.relationData.get(bagKey(relationId, owner, app));
		if (cached != null) {
			data.forEach((key, value) -> {
				if (value.isEmpty()) {
					cached.remove(key);
				}
				else {
					cached.put(key, value);
				}
			});
		}
	}

	// --- status and logging ----------------------------------------------------------------

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
		for (String part : split(message)) {
			run(ToolCall.of("juju-log", "--log-level", level, "--", part));
		}
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
		flatten("", results, flat);
		List<String> args = new ArrayList<>();
		Set<Integer> secret = new HashSet<>();
		flat.forEach((key, value) -> {
			checkActionKey(key);
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

	// --- plumbing ------------------------------------------------------------------------------

	/**
	 * Runs a call and fails on a non-zero exit.
	 * @param call the call
	 * @return its standard output
	 */
	String run(ToolCall call) {
		ToolResult result = this.runner.run(call);
		if (!result.isSuccess()) {
			throw HookToolException.of(call, result);
		}
		return result.stdout();
	}

	/**
	 * Runs a call and parses its JSON output.
	 * @return the value, or {@code null} for JSON {@code null} (a missing key)
	 */
	<T> @Nullable T parse(ToolCall call, TypeReference<T> type) {
		String out = run(call);
		if (out.isBlank()) {
			throw new HookToolException(call, 0, "printed nothing where JSON was expected");
		}
		try {
			return this.json.readValue(out, type);
		}
		catch (JacksonException ex) {
			throw new HookToolException(call, 0,
					"printed malformed or truncated JSON (" + out.length() + " characters): "
							+ ex.getOriginalMessage());
		}
	}

	static void checkKey(String tool, String key) {
		if (key.isEmpty() || key.contains("=") || !key.strip().equals(key)) {
			throw new IllegalArgumentException(tool + ": key '" + key
					+ "' is not valid: keys must be non-empty, without '=' and without surrounding whitespace");
		}
	}

	/** Refuses what argv cannot carry intact: Juju trims values, and Linux caps one argument. */
	static void checkArgValue(String tool, String key, String value) {
		if (!value.strip().equals(value)) {
			throw new IllegalArgumentException(tool + ": the value of '" + key
					+ "' starts or ends with whitespace, which Juju would trim; strip it or encode it");
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(tool + ": the value of '" + key + "' contains a NUL character");
		}
		int bytes = (key + "=" + value).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
		if (bytes > MAX_ARG_BYTES) {
			throw new IllegalArgumentException(tool + ": the value of '" + key + "' is " + bytes
					+ " bytes; one argument holds at most " + MAX_ARG_BYTES + " and " + tool + " has no --file option");
		}
	}

	private static void checkActionKey(String key) {
		for (String segment : key.split("\\.", -1)) {
			if (!segment.matches("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?")) {
				throw new IllegalArgumentException("action-set: key '" + key
						+ "' must be lowercase letters, digits and hyphens, in dot-separated parts");
			}
		}
		if (List.of("stdout", "stdout-encoding", "stderr", "stderr-encoding").contains(key)) {
			throw new IllegalArgumentException("action-set: key '" + key + "' is reserved by Juju");
		}
	}

	private static void flatten(String prefix, Map<String, ?> map, Map<String, String> into) {
		map.forEach((key, value) -> {
			String name = prefix.isEmpty() ? key : prefix + "." + key;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, castMap(nested), into);
			}
			else if (value instanceof String s) {
				into.put(name, s);
			}
			else {
				throw new IllegalArgumentException(
						"action-set: the value of '" + name + "' must be a string or a map, not " + typeName(value));
			}
		});
	}

	private static List<String> split(String message) {
		if (message.length() <= MAX_ARG_BYTES / 4) {
			return List.of(message);
		}
		List<String> parts = new ArrayList<>();
		for (int i = 0; i < message.length(); i += MAX_ARG_BYTES / 4) {
			parts.add(message.substring(i, Math.min(message.length(), i + MAX_ARG_BYTES / 4)));
		}
		return parts;
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
