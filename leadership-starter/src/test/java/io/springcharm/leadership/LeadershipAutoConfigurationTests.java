package io.springcharm.leadership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;

import io.springcharm.framework.hook.Hook;
import io.springcharm.leadership.autoconfigure.LeadershipProperties;
import io.springcharm.leadership.custom.CustomLeadershipCharm;
import io.springcharm.leadership.probe.ProbeCharm;
import io.springcharm.leadership.support.Backend;
import io.springcharm.leadership.support.FakeJuju;
import io.springcharm.leadership.support.HookRun;
import io.springcharm.leadership.support.Probe;
import io.springcharm.leadership.support.TestUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static io.springcharm.leadership.support.Runs.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The auto-configuration: beans by default, back-off, each property, and startup failures,
 * through the real entry point.
 */
class LeadershipAutoConfigurationTests {

	private static final String TWO_PEERS = """
			name: app
			peers:
			  cluster:
			    interface: app-peers
			  replicas:
			    interface: app-replicas
			""";

	@TempDir
	Path root;

	private static Probe reportBackend() {
		return new Probe((ctx) -> {
			ctx.probe().log("bean: " + ctx.context().getBean("leadership").getClass().getSimpleName());
			ctx.probe().log("backend: " + ctx.context().getBean(LeadershipBackend.class).name());
		});
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void leadershipBeanIsRegisteredByDefaultWithTheBackendForTheJujuVersion(Backend backend) {
		TestUnit unit = new TestUnit(new FakeJuju(backend), "app/0", this.root);
		HookRun run = ok(unit.run("install", reportBackend()));
		String expected = (backend == Backend.LEADER_SETTINGS) ? "leader-settings" : "peer-relation";
		assertThat(run.probe().log()).contains("bean: DefaultLeadership", "backend: " + expected);
	}

	@Test
	void spelConditionsReadTheLeadershipBeanLive() {
		FakeJuju juju = new FakeJuju(Backend.LEADER_SETTINGS);
		TestUnit leader = new TestUnit(juju, "app/0", this.root);
		TestUnit follower = new TestUnit(juju, "app/1", this.root);
		assertThat(ok(leader.run("install")).probe().log()).contains("spel: leader without admin_password");
		assertThat(ok(follower.run("install")).probe().log()).doesNotContain("spel: leader without admin_password");
		HookRun setsIt = ok(leader.run("config-changed", (ctx) -> ctx.leadership().set("admin_password", "pw")));
		assertThat(setsIt.probe().log()).doesNotContain("spel: leader without admin_password");
	}

	@Test
	void backsOffForAUserLeadershipBean() {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.LEADER_SETTINGS), "app/0", this.root);
		HookRun run = ok(unit.run(CustomLeadershipCharm.class, "install", new Probe()));
		assertThat(run.probe().log()).containsExactly("leadership: FixedLeadership", "default beans: 0");
		assertThat(run.calls()).isEmpty();
	}

	@Test
	void backendPropertyOverridesTheJujuVersion() {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.LEADER_SETTINGS), "app/0", this.root);
		unit.property("charm.leadership.backend", "peer-relation");
		HookRun run = ok(unit.run("install", reportBackend()));
		assertThat(run.probe().log()).contains("backend: peer-relation");
		assertThat(run.calls("relation-ids")).hasSize(1);
		assertThat(run.calls("leader-get")).isEmpty();
	}

	@Test
	void peerRelationPropertyChoosesAmongSeveralPeers() throws Exception {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.PEER_RELATION), "app/0", this.root).metadata(TWO_PEERS);
		unit.property("charm.leadership.peer-relation", "replicas");
		HookRun run = ok(unit.run("install"));
		assertThat(run.commands()).contains("relation-ids --format=json replicas");
	}

	@Test
	void severalPeersWithoutThePropertyFailClearly() throws Exception {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.PEER_RELATION), "app/0", this.root).metadata(TWO_PEERS);
		HookRun run = unit.run("install");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.failure()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("several peer relations [cluster, replicas]")
			.hasMessageContaining("charm.leadership.peer-relation");
	}

	@Test
	void noPeerRelationFailsClearly() throws Exception {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.PEER_RELATION), "app/0", this.root).metadata("name: app\n");
		HookRun run = unit.run("install");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.failure()).isInstanceOf(IllegalStateException.class).hasMessageContaining("declares none");
	}

	@Test
	void unknownPeerRelationPropertyFailsClearly() {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.PEER_RELATION), "app/0", this.root);
		unit.property("charm.leadership.peer-relation", "clustr");
		HookRun run = unit.run("install");
		assertThat(run.failure()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("'clustr'")
			.hasMessageContaining("[cluster]");
	}

	@Test
	void badBackendValueFailsAtStartup() {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.LEADER_SETTINGS), "app/0", this.root);
		unit.property("charm.leadership.backend", "bogus");
		HookRun run = unit.run("install");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.failure()).isInstanceOf(IllegalArgumentException.class)
			.hasMessage("'charm.leadership.backend' is 'bogus'; use one of auto, leader-settings or peer-relation");
		assertThat(run.calls("is-leader")).isEmpty();
	}

	@Test
	void badBackendValueFailsAPlainSpringApplication() {
		SpringApplication application = new SpringApplication(ProbeCharm.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("charm.leadership.backend", "leader_settings"));
		Hook hook = Hook.fromEnvironment(Map.of("JUJU_UNIT_NAME", "app/0", "JUJU_CONTEXT_ID", "ctx", "JUJU_DISPATCH_PATH",
				"hooks/install", "JUJU_CHARM_DIR", this.root.toString()), null);
		application.addInitializers((ConfigurableApplicationContext context) -> {
			context.getBeanFactory().registerSingleton("hook", hook);
			context.getBeanFactory().registerSingleton("probe", new Probe());
		});
		assertThatThrownBy(() -> {
			try (ConfigurableApplicationContext context = application.run()) {
				context.getBean(Leadership.class);
			}
		}).hasRootCauseMessage(
				"'charm.leadership.backend' is 'leader_settings'; use one of auto, leader-settings or peer-relation");
	}

	@Test
	void leaderSettingsOnJuju4FailsClearly() {
		TestUnit unit = new TestUnit(new FakeJuju(Backend.PEER_RELATION), "app/0", this.root);
		unit.property("charm.leadership.backend", "leader-settings");
		HookRun run = unit.run("install");
		assertThat(run.failure()).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("Juju 4.0.0 has no leader-get or leader-set");
	}

	@Test
	void autoPicksPeerRelationWhenTheLeaderToolsAreNotOnPath() throws Exception {
		Path bin = Files.createDirectories(this.root.resolve("bin"));
		TestUnit unit = new TestUnit(new FakeJuju(Backend.LEADER_SETTINGS), "app/0", this.root);
		// collect-metrics runs no tool, so no process is started for the real tool runner.
		HookRun run = ok(unit.run(ProbeCharm.class, "collect-metrics", reportBackend(), "3.6.5",
				Map.of("PATH", bin.toString())));
		assertThat(run.probe().log()).contains("backend: peer-relation");
	}

	@Test
	void autoPicksLeaderSettingsWhenTheLeaderToolsAreOnPath() throws Exception {
		Path bin = Files.createDirectories(this.root.resolve("bin"));
		for (String tool : new String[] { "leader-get", "leader-set" }) {
			Files.createFile(bin.resolve(tool),
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		}
		TestUnit unit = new TestUnit(new FakeJuju(Backend.LEADER_SETTINGS), "app/0", this.root);
		HookRun run = ok(unit.run(ProbeCharm.class, "collect-metrics", reportBackend(), "3.6.5",
				Map.of("PATH", bin.toString())));
		assertThat(run.probe().log()).contains("backend: leader-settings");
	}

	@Test
	void propertiesDefaultToAuto() {
		assertThat(new LeadershipProperties("auto", " ").peerRelation()).isNull();
		assertThatThrownBy(() -> new LeadershipProperties("Auto", null)).hasMessageContaining("'Auto'");
	}
}
