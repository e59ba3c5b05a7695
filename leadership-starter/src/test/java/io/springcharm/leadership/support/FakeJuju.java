package io.springcharm.leadership.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.framework.tool.ToolRunner;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tiny in-memory Juju for one application: leadership, leader settings (Juju 3 only) and
 * the application data bag of the peer relation {@value #PEER}. Each unit gets its own
 * {@link Unit} tool runner, which answers exactly the calls the leadership starter and the
 * framework make, records every call in order, and records any other call as unknown.
 */
public final class FakeJuju {

	public static final String APP = "app";

	public static final String PEER = "cluster";

	public static final String RELATION_ID = PEER + ":0";

	private static final JsonMapper JSON = JsonMapper.shared();

	private final Backend backend;

	private String leader = APP + "/0";

	private final Map<String, String> leaderSettings = new TreeMap<>();

	private final Map<String, String> appBag = new TreeMap<>();

	private boolean peerRelation = true;

	public FakeJuju(Backend backend) {
		this.backend = backend;
	}

	public Backend backend() {
		return this.backend;
	}

	/** Makes a unit the leader. */
	public void leader(String unit) {
		this.leader = unit;
	}

	/** Whether the peer relation exists (Juju creates it after install). */
	public void peerRelation(boolean exists) {
		this.peerRelation = exists;
	}

	/** The committed settings in the store the back end uses. */
	public Map<String, String> settings() {
		return (this.backend == Backend.LEADER_SETTINGS) ? this.leaderSettings : this.appBag;
	}

	/** Writes a setting by other means (the CLI, another library): committed at once. */
	public void write(String key, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			settings().remove(key);
		}
		else {
			settings().put(key, value);
		}
	}

	/** The tool runner of one unit. */
	public Unit unit(String name) {
		return new Unit(name);
	}

	/** One unit's view: a {@link ToolRunner} that records every call. */
	public final class Unit implements ToolRunner {

		private final String name;

		private final List<ToolCall> calls = new ArrayList<>();

		private final List<String> unknown = new ArrayList<>();

		private final Map<String, String> pending = new TreeMap<>();

		Unit(String name) {
			this.name = name;
		}

		public String name() {
			return this.name;
		}

		/** Every call made so far, in order. */
		public List<ToolCall> calls() {
			return this.calls;
		}

		/** Calls this fake does not answer. */
		public List<String> unknown() {
			return this.unknown;
		}

		/** Ends a hook: Juju commits this unit's relation-set writes only if it succeeded. */
		public void endHook(boolean success) {
			if (success) {
				apply(FakeJuju.this.appBag, this.pending);
			}
			this.pending.clear();
		}

		@Override
		public ToolResult run(ToolCall call) {
			this.calls.add(call);
			List<String> args = call.args();
			boolean leaderTools = FakeJuju.this.backend == Backend.LEADER_SETTINGS;
			boolean isLeader = this.name.equals(FakeJuju.this.leader);
			switch (call.tool()) {
				case "is-leader":
					if (args.equals(List.of("--format=json"))) {
						return ToolResult.ok(Boolean.toString(isLeader));
					}
					break;
				case "leader-get":
					if (leaderTools && args.equals(List.of("--format=json", "-"))) {
						return ToolResult.ok(JSON.writeValueAsString(FakeJuju.this.leaderSettings));
					}
					break;
				case "leader-set":
					if (leaderTools && args.stream().allMatch((arg) -> arg.indexOf('=') > 0)) {
						if (!isLeader) {
							return ToolResult.error(1,
									"cannot write leadership settings: cannot write settings: not the leader");
						}
						Map<String, String> values = new TreeMap<>();
						args.forEach((arg) -> values.put(arg.substring(0, arg.indexOf('=')),
								arg.substring(arg.indexOf('=') + 1)));
						apply(FakeJuju.this.leaderSettings, values);
						return ToolResult.ok("");
					}
					break;
				case "relation-ids":
					if (args.size() == 2 && args.get(0).equals("--format=json")) {
						boolean exists = args.get(1).equals(PEER) && FakeJuju.this.peerRelation;
						return ToolResult.ok(exists ? "[\"" + RELATION_ID + "\"]" : "[]");
					}
					break;
				case "relation-get":
					if (args.equals(List.of("--format=json", "-r", RELATION_ID, "--app", "-", APP))) {
						if (!FakeJuju.this.peerRelation) {
							return ToolResult.error(2, "invalid value \"" + RELATION_ID + "\" for option -r: relation not found");
						}
						Map<String, String> view = new TreeMap<>(FakeJuju.this.appBag);
						// The leader reads its own uncommitted writes, as in Juju's hook context.
						apply(view, this.pending);
						return ToolResult.ok(JSON.writeValueAsString(view));
					}
					break;
				case "relation-set":
					if (args.equals(List.of("-r", RELATION_ID, "--app", "--file", "-")) && call.stdin() != null
							&& FakeJuju.this.peerRelation) {
						if (!isLeader) {
							return ToolResult.error(1, "cannot write relation settings");
						}
						this.pending.putAll(JSON.readValue(call.stdin(), new TypeReference<Map<String, String>>() {
						}));
						return ToolResult.ok("");
					}
					break;
				case "juju-log":
					if (!args.isEmpty() && args.get(0).equals("--log-level")) {
						return ToolResult.ok("");
					}
					break;
				case "status-set":
					return ToolResult.ok("");
				case "config-get":
					if (args.equals(List.of("--format=json"))) {
						return ToolResult.ok("{}");
					}
					break;
				default:
					break;
			}
			this.unknown.add(call.toString());
			return ToolResult.error(2, "the fake Juju does not answer: " + call);
		}
	}

	private static void apply(Map<String, String> target, Map<String, String> changes) {
		changes.forEach((key, value) -> {
			if (value.isEmpty()) {
				target.remove(key);
			}
			else {
				target.put(key, value);
			}
		});
	}
}
