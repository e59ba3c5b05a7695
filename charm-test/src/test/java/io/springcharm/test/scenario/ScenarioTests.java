package io.springcharm.test.scenario;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import io.springcharm.framework.event.ConfigChangedEvent;
import io.springcharm.framework.event.HookCompletedEvent;
import io.springcharm.framework.event.HookStartingEvent;
import io.springcharm.framework.event.RelationChangedEvent;
import io.springcharm.framework.event.SecretChangedEvent;
import io.springcharm.framework.event.SecretRemoveEvent;
import io.springcharm.framework.tool.PermissionDeniedException;
import io.springcharm.framework.tool.RebootNowException;
import io.springcharm.test.juju.LogLine;
import io.springcharm.test.juju.Reboot;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.model.charm.TestCharm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The scenario API, run against {@link TestCharm} through the real entry point. */
@CharmTest(charm = TestCharm.class, charmDir = "src/test/resources/test-charm")
class ScenarioTests {

	@Test
	void installSetsAFlagAndAStatus(Scenario scenario) {
		Result result = scenario.run(Event.install(), State.empty());
		assertThat(result.succeeded()).isTrue();
		assertThat(result.state().flags()).contains("installed");
		assertThat(result.state().unitStatus()).isEqualTo(Status.maintenance("installing"));
		assertThat(result.events().get(0)).isInstanceOf(HookStartingEvent.class);
		assertThat(result.events(HookCompletedEvent.class)).hasSize(1);
		assertThat(result.hookEvent()).isNotNull();
		assertThat(result.toolCalls()).extracting((c) -> c.call().tool()).contains("status-set");
	}

	@Test
	void configChangedWritesThePeerBagAndRemembersTheMessage(Scenario scenario) {
		State in = scenario.defaultState().withConfig(Map.of("message", "hi there"));
		Result result = scenario.run(Event.configChanged(), in);
		assertThat(result.succeeded()).isTrue();
		assertThat(result.state().peerRelation("cluster").localUnitData()).containsEntry("message", "hi there")
			.containsKey("ingress-address");
		assertThat(result.state().storedValues()).containsEntry("message", "hi there");
		assertThat(result.events(ConfigChangedEvent.class)).singleElement()
			.satisfies((e) -> assertThat(e.changed("message")).isTrue());
		assertThat(result.statusHistory()).extracting(StatusInfo::message).containsExactly("configuring hi there");
		assertThat(in.peerRelation("cluster").localUnitData()).as("the input state is immutable").isEmpty();
	}

	@Test
	void aFailingHookCommitsNothingButKeepsItsStatus(Scenario scenario) {
		State in = scenario.defaultState().withConfig(Map.of("fail", true)).withStoredValues(Map.of("message", "old"));
		Result result = scenario.run(Event.configChanged(), in);
		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.failure()).isInstanceOf(IllegalStateException.class).hasMessage("asked to fail");
		assertThat(result.state().peerRelation("cluster").localUnitData()).doesNotContainKey("message");
		assertThat(result.state().storedValues()).containsEntry("message", "old");
		assertThat(result.state().unitStatus()).isEqualTo(Status.maintenance("configuring hello"));
		assertThat(result.logs()).extracting(LogLine::level).contains("ERROR");
	}

	@Test
	void leaderElectedSetsLeaderSettingsAndThePeerAppBag(Scenario scenario) {
		Result result = scenario.run(Event.leaderElected(), scenario.defaultState().withLeader(true));
		assertThat(result.state().leaderSettings()).containsEntry("password", "s3cret-test-charm-0");
		assertThat(result.state().peerRelation("cluster").localAppData()).containsEntry("leader", "test-charm/0");
	}

	@Test
	void relationChangedSeesTheRemoteUnit(Scenario scenario) {
		Relation db = Relation.of(5, "db", "mysql").withRemoteUnit("mysql/0", Map.of("host", "db.local"));
		Result result = scenario.run(Event.relationChanged(db, "mysql/0"), State.empty().withRelation(db));
		assertThat(result.state().storedValues()).containsEntry("last-changed", "mysql/0");
		RelationChangedEvent event = result.events(RelationChangedEvent.class).get(0);
		assertThat(event.hook().relation().relationId()).isEqualTo("db:5");
		Relation out = (Relation) result.state().relation(5);
		assertThat(out.remoteUnitsData().get("mysql/0")).containsEntry("host", "db.local");
	}

	@Test
	void appLevelRelationChangedHasNoRemoteUnit(Scenario scenario) {
		PeerRelation cluster = PeerRelation.of(1, "cluster").withPeer("test-charm/1", Map.of());
		Result result = scenario.run(Event.relationChanged(cluster), State.empty().withRelation(cluster));
		assertThat(result.state().storedValues()).containsEntry("last-changed", "app:test-charm");
	}

	@Test
	void actionsReturnResultsLogsAndFailures(Scenario scenario) {
		Result ok = scenario.run(Event.action("get-password", Map.of()),
				State.empty().withLeaderSettings(Map.of("password", "pw")));
		assertThat(ok.action()).isNotNull();
		assertThat(ok.action().status()).isEqualTo("completed");
		assertThat(ok.action().results()).containsEntry("password", "pw");
		assertThat(ok.action().logs()).containsExactly("looking up the password");
		Result failed = scenario.run(Event.action("fail-me", Map.of("reason", "because")), State.empty());
		assertThat(failed.succeeded()).isTrue();
		assertThat(failed.action().status()).isEqualTo("failed");
		assertThat(failed.action().message()).isEqualTo("because");
	}

	@Test
	void resourcesAndCloudCredentialsComeFromTheScenario(Scenario scenario, @TempDir Path tmp) throws IOException {
		Path software = Files.writeString(tmp.resolve("software.txt"), "release 1.2\n");
		Scenario deployed = scenario.resource("software", software)
			.trusted(Map.of("type", "lxd", "name", "localhost", "region", "localhost"));
		Result ok = deployed.run(Event.action("deployment-info", Map.of()), State.empty());
		assertThat(ok.action().results()).containsEntry("software", "release 1.2").containsEntry("cloud", "lxd");
		assertThat(ok.toolCalls()).extracting((c) -> c.call().tool()).contains("resource-get", "credential-get");

		Result untrusted = scenario.resource("software", software).run(Event.action("deployment-info", Map.of()),
				State.empty());
		assertThat(untrusted.exitCode()).isEqualTo(1);
		assertThat(untrusted.failure()).hasMessageContaining("cannot access cloud credentials: permission denied");
		Result noFile = scenario.trusted(Map.of("type", "lxd")).run(Event.action("deployment-info", Map.of()),
				State.empty());
		assertThat(noFile.failure())
			.hasMessageContaining("could not download resource: resource \"software\" has no file in the model");
	}

	@Test
	void undeclaredOrMissingResourcesAreRejected(Scenario scenario, @TempDir Path tmp) {
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.resource("firmware", tmp))
			.withMessageContaining("resource 'firmware' is not declared in metadata.yaml (declared: [software])");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.resource("software", tmp.resolve("absent.txt")))
			.withMessageContaining("is not a file");
	}

	@Test
	void secretChangedReadsTheNewRevisionUnderTheUnitsOwnLabel(Scenario scenario) {
		Secret shared = new Secret("s1", "vault", "db-creds", Map.of("username", "bob"))
			.withRevision(2, Map.of("username", "alice"))
			.withTracked(1);
		Result result = scenario.run(Event.secretChanged(shared), State.empty().withSecrets(shared));
		assertThat(result.succeeded()).isTrue();
		assertThat(result.state().storedValues()).as("read with --refresh, not the tracked revision 1")
			.containsEntry("secret-user", "alice")
			.containsEntry("secret-label", "db-creds");
		assertThat(result.events(SecretChangedEvent.class)).singleElement()
			.satisfies((e) -> assertThat(e.secretId()).isEqualTo("secret:s1"))
			.satisfies((e) -> assertThat(e.revision()).isNull());
		assertThat(result.state().secret("db-creds")).hasValueSatisfying((s) -> {
			assertThat(s.owner()).isEqualTo("vault");
			assertThat(s.tracked()).isEqualTo(2);
		});
	}

	@Test
	void aPeerUnitsSecretIsReadableOnlyOnceGranted(Scenario scenario) {
		PeerRelation cluster = PeerRelation.of(1, "cluster").withPeer("test-charm/1", Map.of());
		Secret theirs = new Secret("s8", "test-charm/1", "peer-token", Map.of("username", "dave"))
			.withRevision(2, Map.of("username", "carol"))
			.withTracked(1);
		State in = State.empty().withRelation(cluster).withSecrets(theirs);
		Result refused = scenario.run(Event.secretChanged(theirs), in);
		assertThat(refused.failure()).isInstanceOf(PermissionDeniedException.class);
		Result granted = scenario.run(Event.secretChanged(theirs), in.withSecrets(theirs.withGrant(1, "test-charm/0")));
		assertThat(granted.succeeded()).isTrue();
		assertThat(granted.state().storedValues()).containsEntry("secret-user", "carol");
	}

	@Test
	void secretRotateOnTheLeaderMakesANewRevision(Scenario scenario) {
		Secret admin = new Secret("s2", "application", "admin", Map.of("password", "old"));
		Result result = scenario.run(Event.secretRotate(admin), State.empty().withLeader(true).withSecrets(admin));
		assertThat(result.state().secret("s2")).hasValueSatisfying((s) -> {
			assertThat(s.revision()).isEqualTo(2);
			assertThat(s.content()).containsEntry("password", "rotated-test-charm/0");
		});
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretRotate(admin), State.empty().withSecrets(admin)))
			.withMessageContaining("only on the leader");
	}

	@Test
	void secretRemoveNamesTheRevisionNobodyTracks(Scenario scenario) {
		Secret token = new Secret("s3", "unit", null, Map.of("token", "t1"))
			.withRevision(2, Map.of("token", "t2"))
			.withRevision(3, Map.of("token", "t3"));
		Result result = scenario.run(Event.secretRemove(token, 2), State.empty().withSecrets(token));
		assertThat(result.events(SecretRemoveEvent.class)).singleElement()
			.satisfies((e) -> assertThat(e.revision()).isEqualTo(2));
		assertThat(result.state().secret("s3"))
			.hasValueSatisfying((s) -> assertThat(s.revisions()).containsOnlyKeys(1, 3));
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretRemove(token, 4), State.empty().withSecrets(token)))
			.withMessageContaining("which has revisions [1, 2, 3]");
	}

	@Test
	void grantsAreStateInAndOut(Scenario scenario) {
		Relation db = Relation.of(5, "db", "mysql").withRemoteUnit("mysql/0", Map.of());
		Secret creds = new Secret("s4", "application", "db-credentials", Map.of("password", "x"));
		Event share = Event.action("share-secret", Map.of("label", "db-credentials", "relation", "db:5"));
		State in = State.empty().withLeader(true).withRelation(db).withSecrets(creds);
		Result shared = scenario.run(share, in);
		assertThat(shared.action().status()).isEqualTo("completed");
		assertThat(shared.state().secret("s4")).hasValueSatisfying(
				(s) -> assertThat(s.grants()).containsExactly(Map.entry(5, new java.util.TreeSet<>(Set.of("mysql")))));
		Result conflict = scenario.run(share, in.withSecrets(creds.withGrant(5, "mysql/0")));
		assertThat(conflict.action().status()).isEqualTo("failed");
		assertThat(conflict.failure()).hasMessageContaining("any unit level grants need to be revoked");
	}

	@Test
	void secretStatesAndEventsJujuCannotProduceAreRejected(Scenario scenario) {
		Relation db = Relation.of(5, "db", "mysql");
		Secret owned = new Secret("s5", "application", null, Map.of("password", "x"));
		Secret consumed = new Secret("s6", "mysql", null, Map.of("password", "y"));
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretChanged(owned), State.empty().withSecrets(owned)))
			.withMessageContaining("never for its owner's");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretExpired(consumed, 1), State.empty().withSecrets(consumed)))
			.withMessageContaining("only for a secret this application or unit owns");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretRotate(owned), State.empty().withLeader(true)))
			.withMessageContaining("which is not in the state's secrets");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretChanged(consumed), State.empty().withSecrets(consumed)))
			.withMessageContaining("tracks a revision older than the latest");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.secretRemove(owned, 1), State.empty().withLeader(true).withSecrets(owned)))
			.withMessageContaining("older than the latest");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.of("secret-changed"), State.empty()))
			.withMessageContaining("needs a secret");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), State.empty().withSecrets(consumed.withGrant(5, "mysql"))))
			.withMessageContaining("only grants made in this application");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), State.empty().withSecrets(owned.withGrant(5, "mysql"))))
			.withMessageContaining("relation 5, which is not in the state's relations");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(),
					State.empty().withRelation(db).withSecrets(owned.withGrant(5, "vault/0"))))
			.withMessageContaining("whose remote side is 'mysql'");
		Secret ownName = new Secret("s7", "test-charm", null, Map.of("password", "z"));
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), State.empty().withSecrets(ownName)))
			.withMessageContaining("say 'application'");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), State.empty().withSecrets(owned.withTracked(1))))
			.withMessageContaining("tracks none");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(),
					State.empty().withRelation(db).withSecrets(owned.withGrant(5, "mysql").withGrant(5, "mysql/0"))))
			.withMessageContaining("either the application's grant or its units'");
	}

	@Test
	void jujuRebootNowKillsTheHookSoNothingCommits(Scenario scenario) {
		State in = scenario.defaultState().withConfig(Map.of("reboot", "now"));
		Result now = scenario.run(Event.configChanged(), in);
		assertThat(now.reboot()).isEqualTo(Reboot.NOW);
		assertThat(now.succeeded()).isFalse();
		assertThat(now.failure()).isInstanceOf(RebootNowException.class);
		assertThat(now.errorOutput()).as("an expected stop, not a failure to report")
			.isEqualTo("hook 'config-changed' stopped for juju-reboot --now\n");
		assertThat(now.state().peerRelation("cluster").localUnitData()).doesNotContainKey("message");
		assertThat(now.state().storedValues()).doesNotContainKey("message");
		Result after = scenario.run(Event.configChanged(), in.withConfig(Map.of("reboot", "after-hook")));
		assertThat(after.reboot()).isEqualTo(Reboot.AFTER_HOOK);
		assertThat(after.succeeded()).isTrue();
		assertThat(after.state().peerRelation("cluster").localUnitData()).containsEntry("message", "hello");
	}

	@Test
	void undeclaredEndpointIsRejected(Scenario scenario) {
		State in = State.empty().withRelation(Relation.of(1, "nope", "mysql"));
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), in))
			.withMessageContaining("relation endpoint 'nope' is not declared in metadata.yaml");
	}

	@Test
	void peerEndpointAsRegularRelationIsRejected(Scenario scenario) {
		State in = State.empty().withRelation(Relation.of(1, "cluster", "other"));
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.install(), in))
			.withMessageContaining("use PeerRelation");
	}

	@Test
	void undeclaredOrMistypedConfigIsRejected(Scenario scenario) {
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.configChanged(), State.empty().withConfig(Map.of("colour", "red"))))
			.withMessageContaining("'colour' is not declared in config.yaml");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.configChanged(), State.empty().withConfig(Map.of("replicas", "3"))))
			.withMessageContaining("declared as int");
	}

	@Test
	void relationEventWithoutItsRelationIsRejected(Scenario scenario) {
		Relation db = Relation.of(3, "db", "mysql").withRemoteUnit("mysql/0", Map.of());
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.relationChanged(db, "mysql/0"), State.empty()))
			.withMessageContaining("relation 3, which is not in the state");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.relationJoined(db, "mysql/9"), State.empty().withRelation(db)))
			.withMessageContaining("'mysql/9' is not in relation db:3");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.of("db-relation-changed"), State.empty().withRelation(db)))
			.withMessageContaining("needs a relation");
	}

	@Test
	void undeclaredActionAndImpossibleLeadershipEventsAreRejected(Scenario scenario) {
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.action("backup", Map.of()), State.empty()))
			.withMessageContaining("action 'backup' is not declared in actions.yaml");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.leaderElected(), State.empty()))
			.withMessageContaining("only on the leader");
		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> scenario.run(Event.of("made-up"), State.empty()))
			.withMessageContaining("not a hook Juju runs");
	}

	@Test
	void stateToStringHidesRelationValues() {
		Relation db = Relation.of(1, "db", "mysql").withRemoteUnit("mysql/0", Map.of("password", "hunter2"));
		assertThat(State.empty().withRelation(db).withLeaderSettings(Map.of("k", "hunter2")).toString())
			.doesNotContain("hunter2");
		assertThat(db.toString()).doesNotContain("hunter2");
	}
}
