package io.springcharm.leadership;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.springcharm.framework.event.DerivedEvents;
import io.springcharm.framework.event.HookStartingEvent;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.tool.NotLeaderException;
import io.springcharm.leadership.support.Backend;
import io.springcharm.leadership.support.FakeJuju;
import io.springcharm.leadership.support.HookRun;
import io.springcharm.leadership.support.Probe;
import io.springcharm.leadership.support.TestUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.springcharm.leadership.LeadershipFlags.CHANGED;
import static io.springcharm.leadership.LeadershipFlags.IS_LEADER;
import static io.springcharm.leadership.LeadershipFlags.changed;
import static io.springcharm.leadership.LeadershipFlags.set;
import static io.springcharm.leadership.support.Runs.ok;
import static io.springcharm.leadership.support.Runs.quietCalls;
import static io.springcharm.leadership.support.Runs.written;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;

/**
 * The case matrix L1–L21 of frameworks-reference §1.7 (L22 is {@code SeedExampleTests}), each
 * run on both back ends through the real entry point, one fresh context per hook, unit
 * state persisting in the unit's charm directory.
 */
class LeadershipCaseTests {

	@TempDir
	Path root;

	private FakeJuju juju;

	private TestUnit leader;

	private TestUnit follower;

	private void start(Backend backend) {
		this.juju = new FakeJuju(backend);
		this.leader = new TestUnit(this.juju, "app/0", this.root);
		this.follower = new TestUnit(this.juju, "app/1", this.root);
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l01LeaderFlagIsSetBeforeTheFirstHandler(Backend backend) {
		start(backend);
		HookRun run = ok(this.leader.run("leader-elected"));
		assertThat(run.probe().flagsAtFirstHandler()).contains(IS_LEADER);
		assertThat(run.commands()).first().isEqualTo("is-leader --format=json");
		assertThat(this.leader.committed().flags()).contains(IS_LEADER);
		assertThat(run.probe().events()).singleElement().isInstanceOf(LeadershipGainedEvent.class);
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l02LeaderFlagIsClearedWhenNoLongerLeader(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		assertThat(this.leader.committed().flags()).contains(IS_LEADER);
		this.juju.leader("app/1");
		HookRun run = ok(this.leader.run("update-status"));
		assertThat(run.probe().flagsAtFirstHandler()).doesNotContain(IS_LEADER);
		assertThat(this.leader.committed().flags()).doesNotContain(IS_LEADER);
		assertThat(run.probe().events()).singleElement().isInstanceOf(LeadershipLostEvent.class);
		HookRun again = ok(this.leader.run("update-status"));
		assertThat(again.probe().events()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l03FirstHookSeesExistingSettingsAsChanged(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		HookRun run = ok(this.follower.run("install"));
		assertThat(run.probe().flagsAtFirstHandler()).contains(set("a"), changed("a"), CHANGED);
		assertThat(this.follower.committed().leadershipFlags()).containsExactlyInAnyOrder(set("a"), changed("a"),
				CHANGED);
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", "1"));
		assertThat(run.probe().changedEvents()).singleElement().satisfies((event) -> {
			assertThat(event.keys()).containsExactly("a");
			assertThat(event.previous("a")).isNull();
			assertThat(event.current("a")).isEqualTo("1");
			assertThat(event.leader()).isFalse();
		});
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l04NoChangeClearsChangedFlagsAndCallsOnlyTheBudget(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		HookRun run = ok(this.follower.run("update-status"));
		assertThat(this.follower.committed().leadershipFlags()).containsExactly(set("a"));
		assertThat(run.probe().changedEvents()).isEmpty();
		assertThat(run.commands()).isEqualTo(quietCalls(backend));
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l05ValueChangedRaisesChangedFlags(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		this.juju.write("a", "2");
		HookRun run = ok(this.follower.run(backend.followerHook()));
		assertThat(this.follower.committed().leadershipFlags()).containsExactlyInAnyOrder(set("a"), changed("a"),
				CHANGED);
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", "2"));
		assertThat(run.probe().changedEvents()).singleElement().satisfies((event) -> {
			assertThat(event.previous("a")).isEqualTo("1");
			assertThat(event.current("a")).isEqualTo("2");
		});
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l06DeletedKeyRaisesChangedAndClearsSet(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		this.juju.write("a", null);
		HookRun run = ok(this.follower.run(backend.followerHook()));
		assertThat(this.follower.committed().leadershipFlags()).containsExactlyInAnyOrder(changed("a"), CHANGED);
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", null));
		assertThat(run.probe().changedEvents()).singleElement().satisfies((event) -> {
			assertThat(event.changed("a")).isTrue();
			assertThat(event.current("a")).isNull();
			assertThat(event.previous("a")).isEqualTo("1");
		});
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l07DeletedKeyIsQuietInTheNextHook(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		this.juju.write("a", null);
		ok(this.follower.run(backend.followerHook()));
		HookRun run = ok(this.follower.run("update-status"));
		assertThat(this.follower.committed().leadershipFlags()).isEmpty();
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", null));
		assertThat(run.probe().events()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l08FailedHookReplaysTheChange(Backend backend) throws Exception {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		this.juju.write("a", "2");
		String before = this.follower.stateFile();
		HookRun failed = this.follower.run(backend.followerHook(), new Probe().failingAtEnd());
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(failed.probe().flagsAtFirstHandler()).contains(changed("a"));
		assertThat(this.follower.stateFile()).isEqualTo(before);
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", "1"));
		HookRun retry = ok(this.follower.run(backend.followerHook()));
		assertThat(this.follower.committed().leadershipFlags()).contains(changed("a"), CHANGED);
		assertThat(retry.probe().changedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.current("a")).isEqualTo("2"));
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l09LeaderSetNewKeyRaisesFlagsWritesOnceAndUpdatesSnapshot(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> ctx.leadership().set("b", "x")));
		assertThat(run.probe().flagsAtLastHandler()).contains(set("b"), changed("b"), CHANGED);
		assertThat(run.writes()).singleElement().satisfies((call) -> {
			assertThat(call.tool()).isEqualTo(backend.writeTool());
			assertThat(written(call)).containsExactly(entry("b", "x"));
		});
		assertThat(this.leader.committed().snapshot()).containsExactly(entry("b", "x"));
		assertThat(this.juju.settings()).containsExactly(entry("b", "x"));
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l10LeaderSetReachesChangedHandlersInTheSameHook(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> {
			ctx.probe().log("A: before set");
			ctx.leadership().set("b", "x");
			ctx.probe().log("A: after set");
		}));
		assertThat(run.probe().log()).containsSubsequence("A: before set", "changed handler: b", "A: after set",
				"flag handler: changed.b");
		assertThat(run.probe().changedEvents()).singleElement().satisfies((event) -> {
			assertThat(event.keys()).containsExactly("b");
			assertThat(event.current("b")).isEqualTo("x");
			assertThat(event.leader()).isTrue();
		});
	}

	/** L11, decided: a value equal to the current one is not sent, so quiet hooks write nothing. */
	@ParameterizedTest
	@EnumSource(Backend.class)
	void l11SameValueRaisesNoFlagsAndSkipsTheTool(Backend backend) {
		start(backend);
		this.juju.write("b", "x");
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> ctx.leadership().set("b", "x")));
		assertThat(run.writes()).isEmpty();
		assertThat(run.probe().flagsAtLastHandler()).contains(set("b")).doesNotContain(changed("b"), CHANGED);
		assertThat(run.probe().changedEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l12SetNullDeletesTheKey(Backend backend) {
		start(backend);
		this.juju.write("b", "x");
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> ctx.leadership().set("b", null)));
		assertThat(run.probe().flagsAtLastHandler()).contains(changed("b"), CHANGED).doesNotContain(set("b"));
		assertThat(run.writes()).singleElement()
			.satisfies((call) -> assertThat(written(call)).containsExactly(entry("b", "")));
		assertThat(this.juju.settings()).doesNotContainKey("b");
		assertThat(this.leader.committed().snapshot()).containsExactly(entry("b", null));
		HookRun next = ok(this.leader.run("update-status"));
		assertThat(next.probe().flagsAtFirstHandler()).doesNotContain(changed("b"), set("b"), CHANGED);
	}

	/** L13, decided: "" is normalised to delete, so the next hook sees no second change. */
	@ParameterizedTest
	@EnumSource(Backend.class)
	void l13EmptyStringDeletesWithoutASpuriousChangeLater(Backend backend) {
		start(backend);
		this.juju.write("b", "x");
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> ctx.leadership().set("b", "")));
		assertThat(run.probe().flagsAtLastHandler()).contains(changed("b")).doesNotContain(set("b"));
		assertThat(this.leader.committed().snapshot()).containsExactly(entry("b", null));
		HookRun next = ok(this.leader.run("update-status"));
		assertThat(next.probe().flagsAtFirstHandler()).doesNotContain(changed("b"), set("b"), CHANGED);
		assertThat(next.probe().changedEvents()).isEmpty();
	}

	/** L14, decided: non-strings are refused (never converted), so nothing changes. */
	@ParameterizedTest
	@EnumSource(Backend.class)
	void l14NonStringValueIsRefusedNotConverted(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> {
			assertThatIllegalArgumentException().isThrownBy(() -> ctx.leadership().set(Map.of("n", 5)))
				.withMessageContaining("'n'")
				.withMessageContaining("java.lang.Integer");
			ctx.probe().log("refused");
		}));
		assertThat(run.probe().log()).contains("refused");
		assertThat(run.writes()).isEmpty();
		assertThat(this.leader.committed().flags()).doesNotContain(set("n"), changed("n"));
		assertThat(this.leader.committed().snapshot()).doesNotContainKey("n");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l15MapFormWritesAllKeysInOneCallAndRefusesBadMapsWhole(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		HookRun run = ok(this.leader.run("config-changed", (ctx) -> {
			Map<String, Object> bad = new LinkedHashMap<>();
			bad.put("c", "3");
			bad.put("d=e", "4");
			assertThatIllegalArgumentException().isThrownBy(() -> ctx.leadership().set(bad))
				.withMessageContaining("'d=e'");
			ctx.leadership().set(Map.of("a", "1", "b", "2"));
		}));
		assertThat(run.writes()).singleElement()
			.satisfies((call) -> assertThat(written(call)).containsExactly(entry("a", "1"), entry("b", "2")));
		assertThat(run.probe().changedEvents()).singleElement()
			.satisfies((event) -> assertThat(event.keys()).containsExactly("a", "b"));
		assertThat(this.juju.settings()).containsOnlyKeys("a", "b");
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l16NonLeaderWriteFailsFastWithoutChanges(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		HookRun run = ok(this.follower.run("update-status", (ctx) -> {
			assertThatThrownBy(() -> ctx.leadership().set("b", "s3cr3t-value")).isInstanceOf(NotLeaderException.class)
				.hasMessageContaining("not the leader")
				.hasMessageContaining("@leadership.leader")
				.hasMessageNotContaining("s3cr3t-value");
			ctx.probe().log("refused");
		}));
		assertThat(run.probe().log()).contains("refused");
		assertThat(run.writes()).isEmpty();
		assertThat(run.probe().flagsAtLastHandler()).isEqualTo(run.probe().flagsAtFirstHandler());
		assertThat(this.follower.committed().snapshot()).containsExactly(entry("a", "1"));
		assertThat(this.juju.settings()).containsExactly(entry("a", "1"));
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l17LeaderOwnWriteIsNotReplayed(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		ok(this.leader.run("config-changed", (ctx) -> ctx.leadership().set("b", "x")));
		HookRun run = ok(this.leader.run("update-status"));
		assertThat(run.probe().flagsAtFirstHandler()).contains(set("b")).doesNotContain(changed("b"), CHANGED);
		assertThat(run.probe().changedEvents()).isEmpty();
		assertThat(run.commands()).isEqualTo(quietCalls(backend));
	}

	/**
	 * L18: leader-set is kept by Juju although the hook failed, so the change is raised again;
	 * relation-set is discarded with the failed hook, so there is nothing to raise.
	 */
	@ParameterizedTest
	@EnumSource(Backend.class)
	void l18LeaderHookFailingAfterSet(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		HookRun failed = this.leader.run("config-changed",
				new Probe((ctx) -> ctx.leadership().set("b", "x")).failingAtEnd());
		assertThat(failed.exitCode()).isEqualTo(1);
		assertThat(this.leader.committed().snapshot()).doesNotContainKey("b");
		HookRun next = ok(this.leader.run("update-status"));
		if (backend == Backend.LEADER_SETTINGS) {
			assertThat(this.juju.settings()).containsExactly(entry("b", "x"));
			assertThat(next.probe().flagsAtFirstHandler()).contains(changed("b"), set("b"));
			assertThat(next.probe().changedEvents()).singleElement()
				.satisfies((event) -> assertThat(event.current("b")).isEqualTo("x"));
		}
		else {
			assertThat(this.juju.settings()).doesNotContainKey("b");
			assertThat(next.probe().flagsAtFirstHandler()).doesNotContain(changed("b"), set("b"));
			assertThat(next.probe().changedEvents()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l19IntermediateValuesCollapse(Backend backend) {
		start(backend);
		this.juju.write("a", "A");
		ok(this.follower.run("install"));
		this.juju.write("a", "B");
		this.juju.write("a", "A");
		HookRun run = ok(this.follower.run(backend.followerHook()));
		assertThat(run.probe().flagsAtFirstHandler()).contains(set("a")).doesNotContain(changed("a"), CHANGED);
		assertThat(run.probe().changedEvents()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l20RestrictedHookSkipsTheStartStepAndLeavesFlagsAlone(Backend backend) throws Exception {
		start(backend);
		this.juju.write("a", "1");
		ok(this.follower.run("install"));
		this.juju.write("a", "2");
		String before = this.follower.stateFile();
		HookRun run = ok(this.follower.run("collect-metrics", (ctx) -> {
			ctx.probe().log("leader=" + ctx.leadership().isLeader() + " a=" + ctx.leadership().get("a"));
			assertThatIllegalStateException().isThrownBy(() -> ctx.leadership().set("b", "x"))
				.withMessageContaining("collect-metrics");
		}));
		assertThat(run.calls()).isEmpty();
		assertThat(run.probe().flagsAtFirstHandler()).contains(set("a"), changed("a"), CHANGED);
		assertThat(run.probe().log()).contains("leader=false a=1");
		assertThat(run.probe().events()).isEmpty();
		assertThat(this.follower.stateFile()).isEqualTo(before);
	}

	@ParameterizedTest
	@EnumSource(Backend.class)
	void l21StartStepRunsOncePerHook(Backend backend) {
		start(backend);
		this.juju.write("a", "1");
		HookRun run = ok(this.follower.run("install", (ctx) -> {
			// A second start signal (a starter registered twice, or published again) changes nothing.
			ctx.context().publishEvent(new HookStartingEvent(ctx.context().getBean(Hook.class)));
			ctx.leadership().getAll();
			ctx.leadership().isLeader();
			ctx.probe().log("leadership beans: " + ctx.context().getBeanNamesForType(Leadership.class).length);
			ctx.probe().log("leadership contributors: " + ctx.context().getBeansOfType(DerivedEvents.class)
				.values()
				.stream()
				.filter(DefaultLeadership.class::isInstance)
				.count());
		}));
		assertThat(run.calls("is-leader")).hasSize(1);
		assertThat(run.commands()).isEqualTo(quietCalls(backend));
		assertThat(run.probe().log()).contains("leadership beans: 1", "leadership contributors: 1");
		assertThat(run.probe().changedEvents()).hasSize(1);
		assertThat(this.follower.committed().leadershipFlags()).contains(changed("a"));
	}

	/** Beyond the matrix: a key changed elsewhere and rewritten by the leader is announced once, with its new value. */
	@ParameterizedTest
	@EnumSource(Backend.class)
	void leaderRewritingAChangedKeyIsNotAnnouncedAgainWithTheStaleValue(Backend backend) {
		start(backend);
		ok(this.leader.run("install"));
		this.juju.write("b", "from-cli");
		HookRun run = ok(this.leader.run("update-status", (ctx) -> ctx.leadership().set("b", "fixed")));
		assertThat(run.probe().changedEvents()).singleElement().satisfies((event) -> {
			assertThat(event.previous("b")).isEqualTo("from-cli");
			assertThat(event.current("b")).isEqualTo("fixed");
		});
		assertThat(this.juju.settings()).containsExactly(entry("b", "fixed"));
	}
}
