package io.springcharm.test.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.ToolRunner;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.model.charm.TestCharm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The multi-unit local model running {@link TestCharm} in this JVM. */
class LocalModelTests {

	private static final Path CHARM = Path.of("src/test/resources/test-charm");

	@TempDir
	Path root;

	private final List<Map<String, String>> environments = new ArrayList<>();

	private LocalModel model;

	private LocalModel model() {
		HookExecutor inProcess = new InProcessHookExecutor(TestCharm.class);
		HookExecutor recording = new HookExecutor() {
			@Override
			public HookExecution execute(UnitDirectories unit, Map<String, String> environment, ToolRunner tools) {
				LocalModelTests.this.environments.add(environment);
				return inProcess.execute(unit, environment, tools);
			}
		};
		this.model = LocalModel.builder().charmDirectory(CHARM).executor(recording).root(this.root).build();
		return this.model;
	}

	@AfterEach
	void close() {
		if (this.model != null) {
			this.model.close();
		}
	}

	private List<String> hooks(String unit) {
		return this.model.hookLog().stream().filter((h) -> h.unit().equals(unit)).map(HookRecord::hook).toList();
	}

	private static JsonNode unitState(UnitView unit) throws IOException {
		return JsonMapper.shared().readTree(Files.readString(unit.charmDir().resolve(UnitState.FILE_NAME)));
	}

	@Test
	void onJuju4FollowersGetNoLeaderSettingsChangedAndTheLeaderToolsAreGone() {
		HookExecutor inProcess = new InProcessHookExecutor(TestCharm.class);
		this.model = LocalModel.builder()
			.charmDirectory(CHARM)
			.executor(inProcess)
			.root(this.root)
			.jujuVersion("4.0.0")
			.build();
		this.model.deploy(2);
		assertThat(hooks("test-charm/1")).startsWith("install", "cluster-relation-created", "config-changed", "start")
			.doesNotContain("leader-settings-changed");
		Map<String, String> env = io.springcharm.test.juju.HookEnvironmentBuilder
			.hook(this.model.model(), "test-charm/0", "update-status")
			.jujuVersion("4.0.0")
			.build();
		io.springcharm.test.juju.HookContext hook = this.model.model().beginHook("test-charm/0", "update-status", env);
		assertThat(hook.run(io.springcharm.framework.tool.ToolCall.of("leader-get", "--format=json", "-")).stderr())
			.contains("unknown tool");
		hook.discard();
	}

	@Test
	void aRebootAfterTheHookRunsStartAgain() {
		model().deploy(1);
		this.model.config(Map.of("reboot", "after-hook"));
		assertThat(hooks("test-charm/0")).endsWith("config-changed", "start");
		int peer = this.model.model().peerRelation("cluster").orElseThrow().id();
		assertThat(this.model.model().unitData(peer, "test-charm/0")).containsEntry("message", "hello");
		this.model.config(Map.of("message", "again"));
		assertThat(hooks("test-charm/0")).as("one reboot: the charm asks once per machine").endsWith("config-changed",
				"start", "config-changed");
	}

	@Test
	void aRebootNowRunsTheKilledHookAgainThenStart() {
		model().deploy(1);
		int before = this.model.hookLog().size();
		this.model.config(Map.of("reboot", "now", "message", "after reboot"));
		List<HookRecord> since = this.model.hookLog().subList(before, this.model.hookLog().size());
		assertThat(since).extracting(HookRecord::hook).containsExactly("config-changed", "config-changed", "start");
		assertThat(since.get(0).exitCode()).as("killed: the charm did not go on").isNotZero();
		assertThat(this.model.unit("test-charm/0").workloadStatus()).isEqualTo("active");
		int peer = this.model.model().peerRelation("cluster").orElseThrow().id();
		assertThat(this.model.model().unitData(peer, "test-charm/0")).containsEntry("message", "after reboot");
	}

	@Test
	void aRebootBeforeTheUnitStartedAddsNoStart() {
		for (String reboot : List.of("after-hook", "now")) {
			this.model = LocalModel.builder()
				.charmDirectory(CHARM)
				.executor(new InProcessHookExecutor(TestCharm.class))
				.root(this.root.resolve(reboot))
				.config(Map.of("reboot", reboot))
				.build();
			this.model.deploy(1);
			assertThat(hooks("test-charm/0")).as(reboot)
				.containsSubsequence("install", "config-changed", "start")
				.containsOnlyOnce("start");
			this.model.close();
		}
	}

	@Test
	void aRebootNowWhileRetryingAFailedHookTakesTheUnitOutOfError() {
		model().deploy(1);
		this.model.config(Map.of("fail", true, "reboot", "now"));
		assertThat(this.model.unit("test-charm/0").workloadStatus()).isEqualTo("error");
		this.model.model().setConfig(Map.of("fail", false, "reboot", "now"));
		int before = this.model.hookLog().size();
		assertThat(this.model.retry("test-charm/0")).isTrue();
		List<HookRecord> since = this.model.hookLog().subList(before, this.model.hookLog().size());
		assertThat(since).extracting(HookRecord::hook).as("killed, run again, start; then the newer config")
			.containsExactly("config-changed", "config-changed", "start", "config-changed");
		assertThat(this.model.unit("test-charm/0").agentState()).isEqualTo("idle");
		assertThat(this.model.unit("test-charm/0").workloadStatus()).isNotEqualTo("error");
	}

	/**
	 * Has test-charm/1 track revision 1 of a secret under its own label, gives the secret a
	 * revision 2, and settles.
	 * @return the hooks that ran
	 */
	private List<HookRecord> secondRevisionWhileTestCharm1Tracks1(String uri, String label, String first,
			String second) {
		JujuModel juju = this.model.model();
		juju.setConsumerLabel(uri, "test-charm/1", label);
		juju.setTrackedRevision(uri, "test-charm/1", 1);
		juju.setSecretRevisions(uri,
				new TreeMap<>(Map.of(1, Map.of("username", first), 2, Map.of("username", second))));
		int before = this.model.hookLog().size();
		this.model.settle();
		return List.copyOf(this.model.hookLog().subList(before, this.model.hookLog().size()));
	}

	@Test
	void secretChangedRunsOnlyOnAUnitTrackingAnOlderRevision() throws IOException {
		model().deploy(2);
		JujuModel juju = this.model.model();
		String uri = juju.addSecret("s1", "vault", Map.of("username", "bob"), null);
		assertThat(secondRevisionWhileTestCharm1Tracks1(uri, "creds", "bob", "alice"))
			.extracting(HookRecord::unit, HookRecord::hook)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("test-charm/1", "secret-changed"));
		assertThat(this.environments.get(this.environments.size() - 1)).containsEntry("JUJU_SECRET_ID", "secret:s1")
			.containsEntry("JUJU_SECRET_LABEL", "creds")
			.doesNotContainKey("JUJU_SECRET_REVISION");
		assertThat(unitState(this.model.unit("test-charm/1")).path("values").path("secret-user").asString())
			.isEqualTo("alice");
		assertThat(juju.secret(uri).orElseThrow().tracked().get("test-charm/1")).isEqualTo(2);
		// As a charm that reads without refreshing would leave it: still no second run.
		juju.setTrackedRevision(uri, "test-charm/1", 1);
		int after = this.model.hookLog().size();
		this.model.settle();
		assertThat(this.model.hookLog()).as("once per revision").hasSize(after);
	}

	@Test
	void aRevisionSomeUnitTracksIsNotRemovedUntilThatUnitIsGone() {
		model().deploy(2);
		JujuModel juju = this.model.model();
		int peer = juju.peerRelation("cluster").orElseThrow().id();
		String uri = juju.addSecret("s5", "test-charm/0", Map.of("username", "a"), null);
		juju.grantSecret(uri, peer, "test-charm/1");
		assertThat(secondRevisionWhileTestCharm1Tracks1(uri, "no-refresh", "a", "b"))
			.extracting(HookRecord::unit, HookRecord::hook)
			.as("test-charm/1 still tracks revision 1")
			.containsExactly(org.assertj.core.groups.Tuple.tuple("test-charm/1", "secret-changed"));
		this.model.removeUnit("test-charm/1");
		assertThat(this.model.hookLog()).extracting(HookRecord::unit, HookRecord::hook)
			.contains(org.assertj.core.groups.Tuple.tuple("test-charm/0", "secret-remove"));
		assertThat(juju.secret(uri).orElseThrow().revisions()).containsOnlyKeys(2);
	}

	@Test
	void rotatingAnApplicationsSecretRunsOnTheLeaderThenItsOldRevisionIsRemoved() {
		model().deploy(2);
		JujuModel juju = this.model.model();
		String uri = juju.addSecret("s2", "test-charm", Map.of("password", "old"), "admin");
		int before = this.model.hookLog().size();
		this.model.rotateSecret(uri);
		assertThat(this.model.hookLog().subList(before, this.model.hookLog().size()))
			.extracting(HookRecord::unit, HookRecord::hook)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("test-charm/0", "secret-rotate"),
					org.assertj.core.groups.Tuple.tuple("test-charm/0", "secret-remove"));
		assertThat(this.environments.get(this.environments.size() - 1)).containsEntry("JUJU_SECRET_REVISION", "1")
			.containsEntry("JUJU_SECRET_LABEL", "admin");
		assertThat(juju.secret(uri).orElseThrow().revisions()).containsOnlyKeys(2)
			.containsEntry(2, Map.of("password", "rotated-test-charm/0"));
		this.model.expireSecret(uri, 2);
		assertThat(this.model.hookLog().get(this.model.hookLog().size() - 1))
			.extracting(HookRecord::unit, HookRecord::hook)
			.containsExactly("test-charm/0", "secret-expired");
		assertThat(this.environments.get(this.environments.size() - 1)).containsEntry("JUJU_SECRET_REVISION", "2");
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.model.expireSecret(uri, 1))
			.withMessageContaining("has no revision 1");
		String kept = juju.addSecret("s4", "test-charm", Map.of("password", "a"), "keep-revisions");
		juju.setSecretRevisions(kept, new TreeMap<>(Map.of(1, Map.of("password", "a"), 2, Map.of("password", "b"))));
		this.model.settle();
		int afterRemove = this.model.hookLog().size();
		assertThat(this.model.hookLog().get(afterRemove - 1)).extracting(HookRecord::hook).isEqualTo("secret-remove");
		this.model.settle();
		assertThat(this.model.hookLog()).as("once per revision, even if the charm keeps it").hasSize(afterRemove);
		String theirs = juju.addSecret("s3", "vault", Map.of("password", "x"), null);
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.model.rotateSecret(theirs))
			.withMessageContaining("owned by 'vault'");
	}

	@Test
	void deployRunsJujusInitialSequenceThenPeerHooks() throws IOException {
		model().deploy(2);
		assertThat(hooks("test-charm/0")).startsWith("install", "cluster-relation-created", "leader-elected",
				"config-changed", "start");
		assertThat(hooks("test-charm/1")).startsWith("install", "cluster-relation-created", "leader-settings-changed",
				"config-changed", "start");
		assertThat(hooks("test-charm/0")).containsSubsequence("cluster-relation-joined", "cluster-relation-changed")
			.doesNotContain("leader-settings-changed");
		assertThat(hooks("test-charm/1")).containsSubsequence("cluster-relation-joined", "cluster-relation-changed");
		assertThat(this.model.units()).extracting(UnitView::name, UnitView::leader, UnitView::workloadStatus,
				UnitView::agentState)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("test-charm/0", true, "active", "idle"),
					org.assertj.core.groups.Tuple.tuple("test-charm/1", false, "active", "idle"));
		assertThat(this.model.leaderSettings()).containsEntry("password", "s3cret-test-charm-0");
		int peer = this.model.model().peerRelation("cluster").orElseThrow().id();
		assertThat(this.model.model().unitData(peer, "test-charm/1")).containsEntry("message", "hello");
		assertThat(this.model.model().appData(peer, "test-charm")).containsEntry("leader", "test-charm/0");
		UnitView follower = this.model.unit("test-charm/1");
		assertThat(unitState(follower).path("values").path("saw-password").asString()).isEqualTo("true");
		assertThat(follower.charmDir()).isEqualTo(this.root.resolve("units/test-charm-1/charm"));
		assertThat(Files.getPosixFilePermissions(follower.charmDir().resolve("dispatch")))
			.contains(PosixFilePermission.OWNER_EXECUTE);
		assertThat(Files.isDirectory(follower.machineRoot())).isTrue();
		assertThat(this.model.statusTable()).contains("test-charm/0*").contains("active").contains("idle");
		Map<String, String> install = this.environments.get(0);
		assertThat(install).containsEntry("JUJU_HOOK_NAME", "install")
			.containsEntry("JUJU_DISPATCH_PATH", "hooks/install")
			.containsEntry("JUJU_UNIT_NAME", "test-charm/0")
			.containsEntry("LANG", "C.UTF-8")
			.containsEntry("SPRING_CHARM_MACHINE_ROOT", this.root.resolve("units/test-charm-0/machine").toString())
			.doesNotContainKey("JUJU_RELATION");
		assertThat(install.get("JUJU_CONTEXT_ID")).startsWith("test-charm/0-install-");
	}

	@Test
	void aNewUnitCatchesUpAndOthersSeeItJoin() throws IOException {
		model().deploy(2);
		int before = this.model.hookLog().size();
		String added = this.model.addUnit();
		assertThat(added).isEqualTo("test-charm/2");
		List<String> newHooks = this.model.hookLog()
			.subList(before, this.model.hookLog().size())
			.stream()
			.map((h) -> h.unit() + " " + h.hook())
			.toList();
		assertThat(newHooks).containsSubsequence("test-charm/2 install", "test-charm/2 leader-settings-changed",
				"test-charm/2 start");
		assertThat(newHooks).contains("test-charm/0 cluster-relation-joined", "test-charm/1 cluster-relation-joined",
				"test-charm/2 cluster-relation-changed");
		Map<String, String> joined = this.environments.stream()
			.filter((e) -> e.get("JUJU_HOOK_NAME").equals("cluster-relation-joined")
					&& e.get("JUJU_UNIT_NAME").equals("test-charm/0") && e.get("JUJU_REMOTE_UNIT").equals("test-charm/2"))
			.findFirst()
			.orElseThrow();
		assertThat(joined).containsEntry("JUJU_RELATION", "cluster").containsEntry("JUJU_REMOTE_APP", "test-charm");
		assertThat(unitState(this.model.unit("test-charm/2")).path("values").path("saw-password").asString())
			.isEqualTo("true");
	}

	@Test
	void leadershipMovesAndAppDataReachesTheOthers() throws IOException {
		model().deploy(2);
		int before = this.model.hookLog().size();
		this.model.setLeader("test-charm/1");
		List<String> newHooks = this.model.hookLog()
			.subList(before, this.model.hookLog().size())
			.stream()
			.map((h) -> h.unit() + " " + h.hook())
			.toList();
		assertThat(newHooks).containsExactly("test-charm/1 leader-elected", "test-charm/0 cluster-relation-changed");
		int peer = this.model.model().peerRelation("cluster").orElseThrow().id();
		assertThat(this.model.model().appData(peer, "test-charm")).containsEntry("leader", "test-charm/1");
		assertThat(unitState(this.model.unit("test-charm/0")).path("values").path("last-changed").asString())
			.isEqualTo("app:test-charm");
		assertThat(this.model.leaderSettings()).as("the old leader's settings stay")
			.containsEntry("password", "s3cret-test-charm-0");
	}

	@Test
	void aFailedHookCommitsNothingAndIsRetried() {
		model().deploy(2);
		int peer = this.model.model().peerRelation("cluster").orElseThrow().id();
		this.model.config(Map.of("fail", true, "message", "boom"));
		assertThat(this.model.units()).allSatisfy((u) -> {
			assertThat(u.agentState()).isEqualTo("error");
			assertThat(u.workloadStatus()).isEqualTo("error");
			assertThat(u.workloadMessage()).isEqualTo("hook failed: \"config-changed\"");
		});
		assertThat(this.model.model().unitData(peer, "test-charm/0")).containsEntry("message", "hello");
		assertThat(this.model.model().unitStatusHistory("test-charm/0")).extracting(StatusInfo::message)
			.as("status-set is immediate and survives the failure")
			.contains("configuring boom");
		assertThat(this.model.failureOutput("test-charm/0")).contains("asked to fail");
		assertThat(this.model.statusTable()).contains("hook failed");

		this.model.config(Map.of("fail", false));
		assertThat(this.model.units()).extracting(UnitView::agentState).containsOnly("idle");
		assertThat(this.model.model().unitData(peer, "test-charm/1")).containsEntry("message", "boom");
		assertThat(this.model.hookLog()).filteredOn((h) -> h.hook().equals("config-changed") && !h.succeeded())
			.hasSize(2);
	}

	@Test
	void failNextHookThenExplicitRetry() {
		model().deploy(1);
		this.model.failNextHook("test-charm/0");
		this.model.updateStatus();
		assertThat(this.model.unit("test-charm/0").agentState()).isEqualTo("error");
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> this.model.runHook("test-charm/0", "update-status"));
		assertThat(this.model.retry("test-charm/0")).isTrue();
		assertThat(this.model.unit("test-charm/0").agentState()).isEqualTo("idle");
		assertThat(this.model.unit("test-charm/0").workloadStatus()).isEqualTo("active");
		assertThat(hooks("test-charm/0")).endsWith("start", "update-status", "update-status");
	}

	@Test
	void actionsRunWhileAHookIsFailedAndTheNextOperationRetriesIt() {
		model().deploy(1);
		this.model.failNextHook("test-charm/0");
		this.model.updateStatus();
		ActionResult whileFailed = this.model.runAction("test-charm/0", "get-password", Map.of());
		assertThat(whileFailed.completed()).isTrue();
		assertThat(whileFailed.results()).containsEntry("password", "s3cret-test-charm-0");
		assertThat(whileFailed.logs()).containsExactly("looking up the password");
		assertThat(hooks("test-charm/0")).endsWith("update-status", "actions/get-password", "update-status");
		assertThat(this.model.unit("test-charm/0").agentState()).isEqualTo("idle");
	}

	@Test
	void actionsReportFailureAndUnknownActionsAreRefused() {
		model().deploy(1);
		ActionResult failed = this.model.runAction("test-charm/0", "fail-me", Map.of("reason", "no disk"));
		assertThat(failed.status()).isEqualTo("failed");
		assertThat(failed.message()).isEqualTo("no disk");
		Map<String, String> env = this.environments.get(this.environments.size() - 1);
		assertThat(env).containsEntry("JUJU_HOOK_NAME", "")
			.containsEntry("JUJU_DISPATCH_PATH", "actions/fail-me")
			.containsEntry("JUJU_ACTION_NAME", "fail-me")
			.containsKey("JUJU_ACTION_UUID");
		assertThatExceptionOfType(IllegalArgumentException.class)
			.isThrownBy(() -> this.model.runAction("test-charm/0", "backup", Map.of()));
	}

	@Test
	void removingTheLeaderDepartsTearsDownAndElectsTheNextUnit() {
		model().deploy(3);
		int before = this.model.hookLog().size();
		this.model.removeUnit("test-charm/0");
		List<String> newHooks = this.model.hookLog()
			.subList(before, this.model.hookLog().size())
			.stream()
			.map((h) -> h.unit() + " " + h.hook())
			.toList();
		assertThat(newHooks).containsSubsequence("test-charm/1 cluster-relation-departed",
				"test-charm/0 cluster-relation-departed", "test-charm/0 cluster-relation-departed", "test-charm/0 stop",
				"test-charm/0 remove", "test-charm/1 leader-elected");
		assertThat(newHooks).contains("test-charm/2 cluster-relation-departed");
		assertThat(this.environments).filteredOn((e) -> e.get("JUJU_UNIT_NAME").equals("test-charm/0")
				&& e.get("JUJU_HOOK_NAME").equals("cluster-relation-departed"))
			.hasSize(2)
			.allSatisfy((e) -> assertThat(e).containsEntry("JUJU_DEPARTING_UNIT", "test-charm/0"));
		assertThat(this.model.units()).extracting(UnitView::name).containsExactly("test-charm/1", "test-charm/2");
		assertThat(this.model.model().leader()).isEqualTo("test-charm/1");
		assertThat(this.model.toolCalls("test-charm/1")).isNotEmpty();
	}
}
