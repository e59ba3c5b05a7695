package io.springcharm.test.juju;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Formats, exit codes, error texts, access rules and commit rules of the in-memory Juju's tools. */
class HookContextTests {

	private JujuModel model;

	private int peer;

	private int db;

	@BeforeEach
	void setUp() {
		this.model = new JujuModel(CharmMetadata.load(Path.of("src/test/resources/test-charm")));
		this.model.addUnit();
		this.model.addUnit();
		this.model.setLeader("test-charm/0");
		this.peer = this.model.peerRelation("cluster").orElseThrow().id();
		this.db = this.model.addRelation("db", "mysql");
		this.model.addRemoteUnit(this.db, "mysql/0");
		for (String unit : List.of("test-charm/0", "test-charm/1")) {
			this.model.join(unit, this.db, "mysql/0");
		}
		this.model.join("test-charm/0", this.peer, "test-charm/1");
		this.model.join("test-charm/1", this.peer, "test-charm/0");
	}

	private HookContext hook(String unit, String hook) {
		return this.model.beginHook(unit, hook, Map.of());
	}

	private static ToolResult run(HookContext ctx, String tool, String... args) {
		return ctx.run(ToolCall.of(tool, args));
	}

	@Test
	void configGetPrintsDefaultsSortedAndNullForMissingKeys() {
		HookContext ctx = hook("test-charm/0", "config-changed");
		assertThat(run(ctx, "config-get", "--format=json").stdout())
			.isEqualTo("{\"fail\":false,\"message\":\"hello\",\"replicas\":1}\n");
		assertThat(run(ctx, "config-get", "--format=json", "tuning").stdout()).isEqualTo("null\n");
		assertThat(run(ctx, "config-get", "--format=json", "--all").stdout())
			.isEqualTo("{\"fail\":false,\"message\":\"hello\",\"reboot\":null,\"replicas\":1,\"tuning\":null}\n");
		assertThat(run(ctx, "config-get", "fail").stdout()).isEqualTo("False\n");
		assertThat(run(ctx, "config-get", "--all", "message"))
			.isEqualTo(new ToolResult(2, "", "ERROR cannot use argument --all together with key \"message\"\n"));
	}

	@Test
	void configIsASnapshotForTheHook() {
		HookContext ctx = hook("test-charm/0", "config-changed");
		this.model.setConfig(Map.of("message", "changed"));
		assertThat(run(ctx, "config-get", "--format=json", "message").stdout()).isEqualTo("\"hello\"\n");
		assertThat(this.model.configVersion()).isEqualTo(2);
	}

	@Test
	void badOptionsAndFormatsAreUsageErrors() {
		HookContext ctx = hook("test-charm/0", "install");
		assertThat(run(ctx, "is-leader", "--foo"))
			.isEqualTo(new ToolResult(2, "", "ERROR option provided but not defined: --foo\n"));
		assertThat(run(ctx, "is-leader", "--format=xml")).isEqualTo(
				new ToolResult(2, "", "ERROR invalid value \"xml\" for option --format: unknown format \"xml\"\n"));
		assertThat(run(ctx, "relation-get", "-r")).isEqualTo(new ToolResult(2, "", "ERROR option needs an argument: -r\n"));
		assertThat(run(ctx, "is-leader", "a", "b"))
			.isEqualTo(new ToolResult(2, "", "ERROR unrecognized args: [\"a\" \"b\"]\n"));
		assertThat(run(ctx, "no-such-tool")).isEqualTo(new ToolResult(1, "", "ERROR unknown tool \"no-such-tool\"\n"));
		assertThat(run(ctx, "add-metric").stderr()).isEqualTo("ERROR not implemented in the in-memory Juju\n");
	}

	@Test
	void resourceGetCopiesTheFileBesideTheCharmAndPrintsThePathWithoutANewline(@TempDir Path tmp)
			throws IOException {
		Path file = Files.writeString(tmp.resolve("upload.bin"), "v1");
		HookContext ctx = this.model.beginHook("test-charm/1", "install",
				Map.of("JUJU_CHARM_DIR", tmp.resolve("unit/charm").toString()));
		assertThat(run(ctx, "resource-get", "software")).isEqualTo(new ToolResult(1, "",
				"ERROR could not download resource: resource \"software\" has no file in the model\n"));
		this.model.setResource("software", file);
		Path copy = tmp.resolve("unit/resources/software/software.txt");
		assertThat(run(ctx, "resource-get", "software")).isEqualTo(new ToolResult(0, copy.toString(), ""));
		assertThat(copy).hasContent("v1");
		Files.writeString(file, "v2");
		run(ctx, "resource-get", "software");
		assertThat(copy).as("synced on every call, as Juju does").hasContent("v2");
		assertThat(run(ctx, "resource-get", "firmware").stderr())
			.isEqualTo("ERROR could not download resource: resource \"firmware\" is not declared in metadata.yaml\n");
		assertThat(run(ctx, "resource-get")).isEqualTo(new ToolResult(2, "", "ERROR missing required resource name\n"));
		assertThat(run(ctx, "resource-get", "software", "extra"))
			.isEqualTo(new ToolResult(2, "", "ERROR unrecognized args: [\"extra\"]\n"));
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.setResource("firmware", file))
			.withMessage("resource 'firmware' is not declared in metadata.yaml (declared: [software])");
	}

	@Test
	void credentialGetNeedsTrust() {
		HookContext ctx = hook("test-charm/1", "install");
		assertThat(run(ctx, "credential-get", "--format=json")).isEqualTo(
				new ToolResult(1, "", "ERROR cannot access cloud credentials: permission denied\n"));
		this.model.setCloudSpec(Map.of("type", "lxd", "name", "localhost", "credential",
				Map.of("auth-type", "certificate")));
		assertThat(run(ctx, "credential-get", "--format=json").stdout())
			.isEqualTo("{\"credential\":{\"auth-type\":\"certificate\"},\"name\":\"localhost\",\"type\":\"lxd\"}\n");
		assertThat(run(ctx, "credential-get", "--format=yaml").stdout()).startsWith("credential:\n");
		this.model.setCloudSpec(null);
		assertThat(run(ctx, "credential-get").exitCode()).isEqualTo(1);
	}

	@Test
	void isLeaderInEachFormat() {
		assertThat(run(hook("test-charm/0", "install"), "is-leader", "--format=json").stdout()).isEqualTo("true\n");
		assertThat(run(hook("test-charm/1", "install"), "is-leader").stdout()).isEqualTo("False\n");
		assertThat(run(hook("test-charm/1", "install"), "is-leader", "--format", "yaml").stdout()).isEqualTo("false\n");
	}

	@Test
	void leaderSetIsImmediateAndLeaderOnly() {
		HookContext leader = hook("test-charm/0", "leader-elected");
		assertThat(run(leader, "leader-get", "--format=json", "-").stdout()).isEqualTo("{}\n");
		assertThat(run(leader, "leader-set", "password=pw", "other= x ").exitCode()).isZero();
		assertThat(run(leader, "leader-get", "--format=json", "other").stdout()).isEqualTo("\"x\"\n");
		assertThat(run(leader, "leader-get", "--format=json", "missing").stdout()).isEqualTo("null\n");
		leader.discard();
		assertThat(this.model.leaderSettings()).containsEntry("password", "pw");
		assertThat(this.model.leaderSettingsVersion()).isEqualTo(2);

		HookContext follower = hook("test-charm/1", "config-changed");
		assertThat(run(follower, "leader-set", "password=mine")).isEqualTo(new ToolResult(1, "",
				"ERROR cannot write leadership settings: cannot write settings: not the leader\n"));
		assertThat(run(follower, "leader-set", "novalue"))
			.isEqualTo(new ToolResult(2, "", "ERROR expected \"key=value\", got \"<redacted>\"\n"));
	}

	@Test
	void relationIdsAndListAreSortedAndUsageErrorsExitTwo() {
		HookContext ctx = hook("test-charm/0", "install");
		assertThat(run(ctx, "relation-ids", "--format=json", "db").stdout()).isEqualTo("[\"db:" + this.db + "\"]\n");
		assertThat(run(ctx, "relation-ids", "--format=json", "website").stdout()).isEqualTo("[]\n");
		assertThat(run(ctx, "relation-ids")).isEqualTo(new ToolResult(2, "", "ERROR no endpoint name specified\n"));
		assertThat(run(ctx, "relation-list", "--format=json", "-r", "db:" + this.db).stdout())
			.isEqualTo("[\"mysql/0\"]\n");
		assertThat(run(ctx, "relation-list", "--format=json", "-r", "db:" + this.db, "--app").stdout())
			.isEqualTo("\"mysql\"\n");
		assertThat(run(ctx, "relation-list", "--format=json", "-r", "cluster:" + this.peer, "--app").stdout())
			.isEqualTo("\"test-charm\"\n");
		assertThat(run(ctx, "relation-list")).isEqualTo(new ToolResult(2, "", "ERROR no relation id specified\n"));
		assertThat(run(ctx, "relation-list", "-r", "db:99")).isEqualTo(
				new ToolResult(2, "", "ERROR invalid value \"db:99\" for option -r: relation not found\n"));
		assertThat(run(ctx, "relation-list", "-r", "db:x")).isEqualTo(
				new ToolResult(2, "", "ERROR invalid value \"db:x\" for option -r: invalid relation id\n"));
	}

	@Test
	void relationGetReadsBagsWithAccessRules() {
		this.model.setUnitData(this.db, "mysql/0", Map.of("host", "db.local"));
		this.model.setAppData(this.db, "mysql", Map.of("schema", "app"));
		this.model.setAppData(this.db, "test-charm", Map.of("wants", "tables"));
		HookContext follower = hook("test-charm/1", "install");
		String rel = "db:" + this.db;
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "-", "mysql/0").stdout())
			.isEqualTo("{\"egress-subnets\":\"10.2.0.10/32\",\"host\":\"db.local\",\"ingress-address\":\"10.2.0.10\","
					+ "\"private-address\":\"10.2.0.10\"}\n");
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "host", "mysql/0").stdout())
			.isEqualTo("\"db.local\"\n");
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "nope", "mysql/0").stdout())
			.isEqualTo("null\n");
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "--app", "-", "mysql").stdout())
			.isEqualTo("{\"schema\":\"app\"}\n");
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "--app", "-", "test-charm"))
			.isEqualTo(new ToolResult(1, "", "ERROR permission denied\n"));
		assertThat(run(follower, "relation-get", "-r", rel, "-", "mysql")).isEqualTo(
				new ToolResult(2, "", "ERROR expected unit name, got application name \"mysql\"\n"));
		assertThat(run(follower, "relation-get", "-r", rel, "-", "other/0"))
			.isEqualTo(new ToolResult(1, "", "ERROR permission denied\n"));
		assertThat(run(follower, "relation-get", "-r", rel, "-", "mysql/7").stderr())
			.isEqualTo("ERROR cannot read settings for unit \"mysql/7\" in relation \"" + rel
					+ "\": unit \"mysql/7\": settings not found\n");
		HookContext leader = hook("test-charm/0", "install");
		assertThat(run(leader, "relation-get", "--format=json", "-r", rel, "--app", "-", "test-charm").stdout())
			.isEqualTo("{\"wants\":\"tables\"}\n");
	}

	@Test
	void peerAppBagIsReadableByFollowersButWritableOnlyByTheLeader() {
		String rel = "cluster:" + this.peer;
		HookContext follower = hook("test-charm/1", "install");
		assertThat(run(follower, "relation-get", "--format=json", "-r", rel, "--app", "-", "test-charm").stdout())
			.isEqualTo("{}\n");
		ToolCall write = new ToolCall("relation-set", List.of("-r", rel, "--app", "--file", "-"), "{\"k\":\"v\"}",
				Set.of());
		assertThat(follower.run(write)).isEqualTo(new ToolResult(1, "", "ERROR cannot write relation settings\n"));
		HookContext leader = hook("test-charm/0", "install");
		assertThat(leader.run(write).exitCode()).isZero();
		assertThat(leader.commit().appDataChanged()).containsExactly(this.peer);
		assertThat(this.model.appData(this.peer, "test-charm")).containsEntry("k", "v");
	}

	@Test
	void relationSetIsBufferedButVisibleToTheWritingHook() {
		String rel = "cluster:" + this.peer;
		HookContext writer = hook("test-charm/1", "config-changed");
		ToolCall write = new ToolCall("relation-set", List.of("-r", rel, "--file", "-"),
				"{\"message\":\" spaced \",\"n\":\"1\"}", Set.of());
		assertThat(writer.run(write).exitCode()).isZero();
		assertThat(run(writer, "relation-set", "-r", rel, "n=")).returns(0, ToolResult::exitCode);
		assertThat(run(writer, "relation-get", "--format=json", "-r", rel, "message", "test-charm/1").stdout())
			.isEqualTo("\" spaced \"\n");
		assertThat(run(writer, "relation-get", "--format=json", "-r", rel, "n", "test-charm/1").stdout())
			.isEqualTo("null\n");
		HookContext reader = hook("test-charm/0", "update-status");
		assertThat(this.model.unitData(this.peer, "test-charm/1")).doesNotContainKey("message");
		HookChanges changes = writer.commit();
		assertThat(changes.unitDataChanged()).containsExactly(this.peer);
		assertThat(this.model.unitData(this.peer, "test-charm/1")).containsEntry("message", " spaced ");
		assertThat(run(reader, "relation-get", "--format=json", "-r", rel, "message", "test-charm/1").stdout())
			.as("remote data is a snapshot taken when the hook started")
			.isEqualTo("null\n");
	}

	@Test
	void discardDropsBufferedChangesButKeepsImmediateOnes() {
		HookContext ctx = hook("test-charm/0", "config-changed");
		run(ctx, "relation-set", "-r", "cluster:" + this.peer, "k=v");
		run(ctx, "open-port", "8080");
		run(ctx, "state-set", "a=1");
		run(ctx, "status-set", "blocked", "--", "-needs a db");
		run(ctx, "application-version-set", "1.2");
		run(ctx, "juju-log", "--log-level", "WARNING", "--", "careful");
		assertThat(ctx.discard().committed()).isFalse();
		assertThat(this.model.unitData(this.peer, "test-charm/0")).doesNotContainKey("k");
		assertThat(this.model.openedPorts("test-charm/0")).isEmpty();
		assertThat(this.model.charmState("test-charm/0")).isNull();
		assertThat(this.model.unitStatus("test-charm/0")).extracting(StatusInfo::status, StatusInfo::message)
			.containsExactly("blocked", "-needs a db");
		assertThat(this.model.applicationVersion()).isEqualTo("1.2");
		assertThat(this.model.logs()).containsExactly(new LogLine("test-charm/0", "config-changed", "WARNING", "careful"));
		assertThat(run(ctx, "is-leader").exitCode()).as("tools stop working when the hook ends").isEqualTo(1);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(ctx::commit);
	}

	@Test
	void statusSetAndGet() {
		HookContext follower = hook("test-charm/1", "install");
		assertThat(run(follower, "status-set", "error", "x")).isEqualTo(new ToolResult(2, "",
				"ERROR invalid status \"error\", expected one of [maintenance blocked waiting active]\n"));
		assertThat(run(follower, "status-set"))
			.isEqualTo(new ToolResult(2, "", "ERROR invalid args, require <status> [message]\n"));
		assertThat(run(follower, "status-set", "--application", "active", "--", "x"))
			.isEqualTo(new ToolResult(1, "", "ERROR this unit is not the leader\n"));
		assertThat(run(follower, "status-get", "--format=json", "--include-data", "--application"))
			.isEqualTo(new ToolResult(1, "", "ERROR finding application status: this unit is not the leader\n"));
		run(follower, "status-set", "active", "--", "ready");
		assertThat(run(follower, "status-get", "--format=json", "--include-data").stdout())
			.isEqualTo("{\"message\":\"ready\",\"status\":\"active\",\"status-data\":{}}\n");
		assertThat(run(follower, "status-get").stdout()).isEqualTo("active\n");
		HookContext leader = hook("test-charm/0", "install");
		assertThat(run(leader, "status-set", "--application=True", "waiting", "--", "peers").exitCode()).isZero();
		assertThat(run(leader, "status-get", "--format=json", "--include-data", "--application").stdout())
			.startsWith("{\"application-status\":{\"message\":\"peers\",\"status\":\"waiting\",\"status-data\":{},"
					+ "\"units\":{\"test-charm/0\":");
		assertThat(this.model.unitStatusHistory("test-charm/1")).extracting(StatusInfo::status).containsExactly("active");
	}

	@Test
	void stateToolsUseJujusNullAndEmptyRules() {
		HookContext ctx = hook("test-charm/0", "install");
		assertThat(run(ctx, "state-get", "--format=json").stdout()).isEqualTo("null\n");
		assertThat(run(ctx, "state-get").stdout()).isEqualTo("{}\n");
		run(ctx, "state-set", "empty=", "a=1");
		assertThat(run(ctx, "state-get", "--format=json").stdout()).isEqualTo("{\"a\":\"1\",\"empty\":\"\"}\n");
		assertThat(run(ctx, "state-get", "--format=json", "missing").stdout()).isEqualTo("\"\"\n");
		assertThat(run(ctx, "state-get", "--strict", "missing"))
			.isEqualTo(new ToolResult(1, "", "ERROR \"missing\" not found\n"));
		run(ctx, "state-delete", "a");
		ctx.commit();
		assertThat(this.model.charmState("test-charm/0")).containsExactly(Map.entry("empty", ""));
	}

	@Test
	void portsCancelWithinAHookAndPrintSorted() {
		HookContext ctx = hook("test-charm/0", "config-changed");
		run(ctx, "open-port", "8000-8080/udp");
		run(ctx, "open-port", "443");
		run(ctx, "open-port", "icmp");
		run(ctx, "open-port", "80/TCP");
		run(ctx, "close-port", "443/tcp");
		assertThat(run(ctx, "opened-ports", "--format=json").stdout())
			.isEqualTo("[\"80/tcp\",\"8000-8080/udp\",\"icmp\"]\n");
		assertThat(run(ctx, "open-port", "80/sctp")).isEqualTo(new ToolResult(2, "",
				"ERROR invalid protocol \"sctp\", expected \"tcp\", \"udp\", or \"icmp\"\n"));
		assertThat(run(ctx, "open-port")).isEqualTo(new ToolResult(2, "", "ERROR no port or range specified\n"));
		ctx.commit();
		assertThat(this.model.openedPorts("test-charm/0")).containsExactly("80/tcp", "8000-8080/udp", "icmp");
	}

	@Test
	void actionToolsOnlyWorkInActions() {
		assertThat(run(hook("test-charm/0", "install"), "action-get", "--format=json"))
			.isEqualTo(new ToolResult(1, "", "ERROR not running an action\n"));
		HookContext action = this.model.beginAction("test-charm/0", "fail-me", Map.of("reason", "because"), Map.of());
		assertThat(run(action, "action-get", "--format=json").stdout()).isEqualTo("{\"reason\":\"because\"}\n");
		assertThat(run(action, "action-set", "out.nested=1", "top=x").exitCode()).isZero();
		assertThat(run(action, "action-set", "Bad=1")).returns(2, ToolResult::exitCode);
		assertThat(run(action, "action-set", "stdout=1"))
			.isEqualTo(new ToolResult(2, "", "ERROR cannot set reserved action key \"stdout\"\n"));
		run(action, "action-log", "--", "working");
		run(action, "action-fail");
		assertThat(action.actionResults()).isEqualTo(Map.of("out", Map.of("nested", "1"), "top", "x"));
		assertThat(action.actionLogs()).containsExactly("working");
		assertThat(action.actionFailure()).isEqualTo("action failed without reason given, check action for errors");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.beginAction("test-charm/0", "nope", Map.of(), Map.of()));
	}

	@Test
	void secretsAreCreatedAtCommitButReadableAtOnce() {
		HookContext follower = hook("test-charm/1", "install");
		assertThat(run(follower, "secret-add", "password=x"))
			.isEqualTo(new ToolResult(1, "", "ERROR this unit is not the leader\n"));
		HookContext leader = hook("test-charm/0", "install");
		assertThat(run(leader, "secret-add")).isEqualTo(new ToolResult(2, "", "ERROR missing secret value or filename\n"));
		assertThat(run(leader, "secret-add", "pw=x")).isEqualTo(new ToolResult(2, "", "ERROR key \"pw\" not valid\n"));
		String uri = run(leader, "secret-add", "--label", "admin", "password=hunter2").stdout().strip();
		assertThat(uri).matches("secret:[0-9a-v]{20}");
		assertThat(run(leader, "secret-get", uri, "password", "--format=json").stdout()).isEqualTo("\"hunter2\"\n");
		assertThat(run(leader, "secret-get", "--label", "admin", "--format=json").stdout())
			.isEqualTo("{\"password\":\"hunter2\"}\n");
		assertThat(this.model.secrets()).isEmpty();
		leader.commit();
		assertThat(this.model.secrets()).singleElement()
			.satisfies((s) -> assertThat(s.latestContent()).containsEntry("password", "hunter2"))
			.satisfies((s) -> assertThat(s.toString()).doesNotContain("hunter2"));
		assertThat(run(hook("test-charm/0", "update-status"), "secret-ids", "--format=json").stdout())
			.isEqualTo("[\"" + uri.substring("secret:".length()) + "\"]\n");
	}

	@Test
	void anApplicationBagWriteFailsTheCommitOnceLeadershipIsLost() {
		HookContext ctx = hook("test-charm/0", "update-status");
		assertThat(run(ctx, "relation-set", "-r", "cluster:" + this.peer, "--app", "k=v").exitCode()).isZero();
		this.model.setLeader("test-charm/1");
		assertThatExceptionOfType(CommitException.class).isThrownBy(ctx::commit)
			.withMessage("cannot write relation settings: test-charm/0 is no longer the leader");
		assertThat(this.model.appData(this.peer, "test-charm")).isEmpty();
	}

	@Test
	void applicationSecretChangesFailTheCommitOnceLeadershipIsLost() {
		HookContext setup = hook("test-charm/0", "install");
		String uri = run(setup, "secret-add", "password=one").stdout().strip();
		setup.commit();
		String peer = "cluster:" + this.peer;
		List<List<String>> changes = List.of(List.of("secret-add", "token=t"), List.of("secret-set", uri, "password=two"),
				List.of("secret-remove", uri), List.of("secret-grant", uri, "-r", "db:" + this.db));
		for (List<String> change : changes) {
			this.model.setLeader("test-charm/0");
			HookContext ctx = hook("test-charm/0", "update-status");
			assertThat(run(ctx, change.get(0), change.subList(1, change.size()).toArray(String[]::new)).exitCode())
				.as(change.get(0)).isZero();
			assertThat(run(ctx, "secret-add", "--owner", "unit", "own=mine").exitCode()).isZero();
			this.model.setLeader("test-charm/1");
			assertThatExceptionOfType(CommitException.class).as(change.get(0)).isThrownBy(ctx::commit)
				.withMessage("cannot change the application's secrets: test-charm/0 is no longer the leader");
			assertThat(this.model.secrets()).as(change.get(0)).singleElement().satisfies((secret) -> {
				assertThat(secret.latestContent()).containsExactly(Map.entry("password", "one"));
				assertThat(secret.grants()).isEmpty();
			});
		}
		HookContext unitOnly = hook("test-charm/0", "update-status");
		assertThat(run(unitOnly, "secret-add", "--owner", "unit", "own=mine").exitCode()).isZero();
		assertThat(run(unitOnly, "relation-set", "-r", peer, "k=v").exitCode()).isZero();
		unitOnly.commit();
		assertThat(this.model.secrets()).hasSize(2);
	}

	@Test
	void aUnitsSecretIsReadByItsPeersOnlyWhileGranted() {
		HookContext owner = hook("test-charm/1", "install");
		String uri = run(owner, "secret-add", "--owner", "unit", "token=t1").stdout().strip();
		owner.commit();
		String peer = "cluster:" + this.peer;
		assertThat(run(hook("test-charm/0", "update-status"), "secret-get", uri, "--format=json"))
			.isEqualTo(new ToolResult(1, "", "ERROR permission denied\n"));
		HookContext grant = hook("test-charm/1", "update-status");
		assertThat(run(grant, "secret-grant", uri, "-r", peer, "--unit", "test-charm/0").exitCode()).isZero();
		assertThat(this.model.secret(uri).orElseThrow().grants()).as("buffered until commit").isEmpty();
		grant.commit();
		assertThat(this.model.secret(uri).orElseThrow().grants()).containsExactly(
				Map.entry(this.peer, new java.util.TreeSet<>(Set.of("test-charm/0"))));
		assertThat(run(hook("test-charm/0", "update-status"), "secret-get", uri, "token", "--format=json").stdout())
			.isEqualTo("\"t1\"\n");
		HookContext revoke = hook("test-charm/1", "update-status");
		assertThat(run(revoke, "secret-revoke", uri, "--unit", "test-charm/0").exitCode()).isZero();
		revoke.commit();
		assertThat(this.model.secret(uri).orElseThrow().grants()).isEmpty();
		assertThat(run(hook("test-charm/0", "update-status"), "secret-get", uri).stderr())
			.isEqualTo("ERROR permission denied\n");
	}

	@Test
	void secretGrantChecksItsArgumentsAndTheOwnerAsJujuDoes() {
		String app = this.model.addSecret("application-secret", "test-charm", Map.of("password", "x"), null);
		String theirs = this.model.addSecret("their-secret", "mysql", Map.of("password", "y"), null);
		String db = "db:" + this.db;
		HookContext leader = hook("test-charm/0", "update-status");
		assertThat(run(leader, "secret-grant", "-r", db)).isEqualTo(new ToolResult(2, "", "ERROR missing secret URI\n"));
		assertThat(run(leader, "secret-grant", app))
			.isEqualTo(new ToolResult(2, "", "ERROR no relation id specified\n"));
		assertThat(run(leader, "secret-grant", app, "-r", "db:99"))
			.isEqualTo(new ToolResult(2, "", "ERROR invalid value \"db:99\" for option -r: relation not found\n"));
		assertThat(run(leader, "secret-grant", app, "-r", db, "--unit", "mysql"))
			.isEqualTo(new ToolResult(2, "", "ERROR unit \"mysql\" not valid\n"));
		assertThat(run(leader, "secret-grant", app, "-r", db, "--unit", "test-charm/1")).isEqualTo(new ToolResult(2,
				"", "ERROR cannot specify unit \"test-charm/1\" in relation to application \"mysql\"\n"));
		assertThat(run(leader, "secret-grant", app, "-r", db, "extra"))
			.isEqualTo(new ToolResult(2, "", "ERROR unrecognized args: [\"extra\"]\n"));
		assertThat(run(leader, "secret-grant", theirs, "-r", db))
			.isEqualTo(new ToolResult(1, "", "ERROR secret \"their-secret\" not found\n"));
		assertThat(run(hook("test-charm/1", "update-status"), "secret-grant", app, "-r", db))
			.isEqualTo(new ToolResult(1, "", "ERROR this unit is not the leader\n"));
		assertThat(run(leader, "secret-grant", app, "-r", db, "--unit", "mysql/0").exitCode()).isZero();
		assertThat(run(leader, "secret-grant", app, "-r", db)).as("this hook's own unit grant counts").isEqualTo(
				new ToolResult(1, "", "ERROR any unit level grants need to be revoked before granting access to the "
						+ "corresponding application\n"));
		assertThat(run(leader, "secret-revoke", app, "--unit", "mysql/0").exitCode()).isZero();
		assertThat(run(leader, "secret-grant", app, "-r", db).exitCode()).isZero();
		assertThat(run(leader, "secret-grant", app, "-r", db, "--unit", "mysql/0").exitCode())
			.as("a unit grant under an application grant changes nothing")
			.isZero();
		this.model.grantSecret(app, this.peer, "test-charm/1");
		leader.commit();
		assertThat(this.model.secret(app).orElseThrow().grants()).as("the hook's changes replayed on the model's")
			.containsOnly(Map.entry(this.db, new java.util.TreeSet<>(Set.of("mysql"))),
					Map.entry(this.peer, new java.util.TreeSet<>(Set.of("test-charm/1"))));
		HookContext failed = hook("test-charm/0", "update-status");
		run(failed, "secret-revoke", app, "--app", "mysql");
		failed.discard();
		assertThat(this.model.secret(app).orElseThrow().grants()).as("a failed hook grants and revokes nothing")
			.containsKeys(this.db, this.peer);
		this.model.breakRelation(this.db);
		assertThat(this.model.secret(app).orElseThrow().grants()).as("gone with the relation")
			.containsOnlyKeys(this.peer);
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.grantSecret(theirs, this.peer, "test-charm/1"))
			.withMessageContaining("only its owner's grants are in this model");
	}

	@Test
	void secretRevokeTakesARelationAnApplicationOrAUnitAsJujuDoes() {
		String app = this.model.addSecret("application-secret", "test-charm", Map.of("password", "x"), null);
		this.model.grantSecret(app, this.db, "mysql");
		HookContext leader = hook("test-charm/0", "update-status");
		assertThat(run(leader, "secret-revoke", app))
			.isEqualTo(new ToolResult(2, "", "ERROR missing relation or application or unit\n"));
		assertThat(run(leader, "secret-revoke", app, "--app", "mysql", "--unit", "mysql/0"))
			.isEqualTo(new ToolResult(2, "", "ERROR specify only one of application or unit\n"));
		assertThat(run(leader, "secret-revoke", app, "--app", "My-SQL"))
			.isEqualTo(new ToolResult(2, "", "ERROR application \"My-SQL\" not valid\n"));
		assertThat(run(leader, "secret-revoke", app, "-r", "db:" + this.db, "--app", "mysql"))
			.isEqualTo(new ToolResult(2, "", "ERROR do not specify both relation and app\n"));
		assertThat(run(hook("test-charm/1", "update-status"), "secret-revoke", app, "--app", "mysql"))
			.isEqualTo(new ToolResult(1, "", "ERROR this unit is not the leader\n"));
		HookContext departed = this.model.beginHook("test-charm/0", "db-relation-departed",
				Map.of("JUJU_RELATION_ID", "db:" + this.db));
		assertThat(run(departed, "secret-revoke", app).exitCode()).as("the hook's relation by default").isZero();
		departed.commit();
		assertThat(this.model.secret(app).orElseThrow().grants()).isEmpty();
	}

	@Test
	void anotherApplicationsSecretIsReadableWithoutAGrantInThisModel() {
		String theirs = this.model.addSecret("their-secret", "mysql", Map.of("password", "y"), null);
		this.model.setSecretRevisions(theirs, new java.util.TreeMap<>(Map.of(3, Map.of("password", "y"))));
		HookContext ctx = hook("test-charm/1", "update-status");
		assertThat(run(ctx, "secret-get", theirs, "--label", "db-password", "password").stdout()).isEqualTo("y\n");
		ctx.commit();
		assertThat(this.model.consumerLabel(theirs, "test-charm/1")).isEqualTo("db-password");
		assertThat(this.model.secret(theirs).orElseThrow().latestRevision()).isEqualTo(3);
	}

	@Test
	void relationModelGetNamesThisModelSinceEveryRemoteApplicationIsInIt() {
		HookContext ctx = hook("test-charm/0", "update-status");
		assertThat(run(ctx, "relation-model-get", "--format=json", "-r", "db:" + this.db).stdout())
			.isEqualTo("{\"uuid\":\"" + this.model.modelUuid() + "\"}\n");
		assertThat(run(ctx, "relation-model-get"))
			.isEqualTo(new ToolResult(2, "", "ERROR no relation id specified\n"));
		HookContext changed = this.model.beginHook("test-charm/0", "db-relation-changed",
				Map.of("JUJU_RELATION_ID", "db:" + this.db));
		assertThat(run(changed, "relation-model-get").stdout()).isEqualTo("uuid: " + this.model.modelUuid() + "\n");
	}

	@Test
	void jujuRebootIsRecordedAndNowKillsTheHook() {
		HookContext after = hook("test-charm/0", "config-changed");
		assertThat(run(after, "juju-reboot", "extra"))
			.isEqualTo(new ToolResult(2, "", "ERROR unrecognized args: [\"extra\"]\n"));
		assertThat(run(after, "juju-reboot").exitCode()).isZero();
		assertThat(after.reboot()).isEqualTo(Reboot.AFTER_HOOK);
		HookContext now = hook("test-charm/0", "config-changed");
		run(now, "relation-set", "-r", "cluster:" + this.peer, "message=lost");
		assertThat(run(now, "juju-reboot", "--now").exitCode()).isZero();
		assertThat(run(now, "status-get").stderr())
			.isEqualTo("ERROR the config-changed hook of test-charm/0 was killed by juju-reboot --now\n");
		assertThat(now.commit().committed()).as("a killed hook commits nothing").isFalse();
		assertThat(this.model.unitData(this.peer, "test-charm/0")).doesNotContainKey("message");
		HookContext action = this.model.beginAction("test-charm/0", "get-password", Map.of(), Map.of());
		assertThat(run(action, "juju-reboot")).isEqualTo(
				new ToolResult(1, "", "ERROR juju-reboot is not supported when running an action.\n"));
	}

	@Test
	void toolCallsAreRecordedInOrderWithValuesRedacted() {
		HookContext ctx = hook("test-charm/0", "leader-elected");
		run(ctx, "leader-set", "password=hunter2");
		ctx.run(new ToolCall("relation-set", List.of("-r", "cluster:" + this.peer, "--file", "-"), "{\"a\":\"hunter2\"}",
				Set.of()));
		run(ctx, "is-leader", "--format=json");
		assertThat(this.model.toolCalls("test-charm/0")).extracting((r) -> r.call().toString())
			.containsExactly("leader-set password=<redacted>", "relation-set -r cluster:" + this.peer + " --file -",
					"is-leader --format=json");
		assertThat(this.model.toolCalls()).allSatisfy((r) -> assertThat(r.toString()).doesNotContain("hunter2"));
		assertThat(ctx.toolCalls().get(1).call().stdin()).isEqualTo(ToolCall.REDACTED);
	}

	@Test
	void networkGetAndUnitGetMakeUpAddressesFromTheUnitNumber() {
		HookContext ctx = hook("test-charm/1", "install");
		assertThat(run(ctx, "unit-get", "private-address").stdout()).isEqualTo("10.1.0.11\n");
		assertThat(run(ctx, "unit-get", "what")).isEqualTo(new ToolResult(2, "", "ERROR unknown setting \"what\"\n"));
		assertThat(run(ctx, "network-get", "--format=json", "cluster", "--ingress-address").stdout())
			.isEqualTo("\"10.1.0.11\"\n");
		assertThat(run(ctx, "network-get", "--format=json", "db").stdout()).contains("\"ingress-addresses\":[\"10.1.0.11\"]");
		assertThat(run(ctx, "network-get", "nope"))
			.isEqualTo(new ToolResult(1, "", "ERROR no network config found for binding \"nope\"\n"));
	}

	@Test
	void configRejectsUndeclaredOptionsAndWrongTypes() {
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.setConfig(Map.of("nope", "x")))
			.withMessageContaining("unknown option \"nope\"");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.setConfig(Map.of("replicas", "three")))
			.withMessageContaining("expected int");
	}
}
