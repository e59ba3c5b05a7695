package io.springcharm.reliability;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.springcharm.leadership.LeadershipFlags;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kills the hook process with SIGKILL at each step of a hook and checks that the unit state
 * is always the last committed one, whole, and that the next hook replays what was lost.
 */
class KillTests extends UnitFixture {

	/** SIGKILL as an exit value: 128 + 9. */
	private static final int KILLED = 137;

	private static final int BLOB_KB = 512;

	private static final AtomicInteger faultPoints = new AtomicInteger();

	private static final AtomicInteger statesLost = new AtomicInteger();

	private static final AtomicInteger strayTempFiles = new AtomicInteger();

	@AfterAll
	static void summary() {
		System.out.println("faults: " + faultPoints.get() + " points tried, " + statesLost.get()
				+ " states lost or corrupted (" + strayTempFiles.get() + " stray temporary files seen)");
	}

	@ParameterizedTest(name = "killed {0}")
	@ValueSource(strings = { "before-handlers", "in-handler", "after-handlers" })
	void aHookKilledBeforeTheWriteLeavesThePreviousStateAndTheNextHookReplaysTheChange(String step)
			throws Exception {
		assertThat(this.unit.run("install").exitCode()).isZero();
		byte[] committed = this.unit.state();
		assertThat(StateFiles.value(committed, "count")).isEqualTo("1");

		Unit.Child hook = this.unit.start("update-status", "RELIABILITY_PAUSE=" + step);
		this.unit.awaitSignal("reached", hook);
		assertThat(hook.kill()).isEqualTo(KILLED);
		faultPoints.incrementAndGet();
		expectIntact(this.unit.state(), committed);
		assertThat(this.unit.tempFiles()).isEmpty();

		Unit.Run next = this.unit.run("update-status");
		assertThat(next.exitCode()).as(next.stderr()).isZero();
		List<String> observations = this.unit.observations();
		assertThat(observations.get(observations.size() - 2)).startsWith("handler hook count=1 ");
		assertThat(StateFiles.value(this.unit.state(), "count")).isEqualTo("2");
	}

	@Test
	void aHookKilledAfterTheWriteKeepsTheNewStateAndReleasesTheLock() throws Exception {
		assertThat(this.unit.run("install").exitCode()).isZero();
		byte[] before = this.unit.state();

		Unit.Child hook = this.unit.start("update-status", "RELIABILITY_PAUSE=after-write");
		this.unit.awaitSignal("reached", hook);
		byte[] written = this.unit.state();
		assertThat(written).isNotEqualTo(before).isEqualTo(StateFiles.next(before, 0));
		assertThat(hook.kill()).isEqualTo(KILLED);
		faultPoints.incrementAndGet();
		expectIntact(this.unit.state(), written);

		Unit.Run next = this.unit.run("update-status");
		assertThat(next.exitCode()).as(next.stderr()).isZero();
		assertThat(StateFiles.value(this.unit.state(), "count")).isEqualTo("3");
	}

	@Test
	void aLeaderKilledAfterLeaderSetButBeforeTheCommitSeesTheChangedFlagAgain() throws Exception {
		this.unit.leader(true);
		this.unit.leaderSettings("{\"password\": \"v1\"}");
		assertThat(this.unit.run("install").exitCode()).isZero();
		assertThat(this.unit.run("update-status").exitCode()).isZero();
		byte[] committed = this.unit.state();
		assertThat(StateFiles.flags(committed)).contains(LeadershipFlags.IS_LEADER)
			.doesNotContain(LeadershipFlags.changed("password"));

		Unit.Child hook = this.unit.start("update-status", "RELIABILITY_LEADER_SET=v2",
				"RELIABILITY_PAUSE=in-handler");
		this.unit.awaitSignal("reached", hook);
		assertThat(hook.kill()).isEqualTo(KILLED);
		faultPoints.incrementAndGet();
		// Juju applied leader-set at once; the unit state was never committed.
		assertThat(this.unit.toolCalls()).contains("leader-set password=v2");
		this.unit.leaderSettings("{\"password\": \"v2\"}");
		expectIntact(this.unit.state(), committed);

		Unit.Run next = this.unit.run("update-status");
		assertThat(next.exitCode()).as(next.stderr()).isZero();
		List<String> observations = this.unit.observations();
		assertThat(observations.get(observations.size() - 2)).startsWith("handler hook")
			.contains(LeadershipFlags.changed("password"));
		byte[] after = this.unit.state();
		assertThat(StateFiles.flags(after)).contains(LeadershipFlags.changed("password"), LeadershipFlags.CHANGED);
		assertThat(StateFiles.value(after, "leadership.settings.password")).isEqualTo("v2");
	}

	@Test
	void aFollowerKilledBeforeTheCommitSeesAChangedSettingAgain() throws Exception {
		this.unit.leaderSettings("{\"password\": \"v1\"}");
		assertThat(this.unit.run("install").exitCode()).isZero();
		this.unit.leaderSettings("{\"password\": \"v2\"}");
		byte[] committed = this.unit.state();

		Unit.Child hook = this.unit.start("leader-settings-changed", "RELIABILITY_PAUSE=after-handlers");
		this.unit.awaitSignal("reached", hook);
		assertThat(hook.kill()).isEqualTo(KILLED);
		faultPoints.incrementAndGet();
		expectIntact(this.unit.state(), committed);

		assertThat(this.unit.run("leader-settings-changed").exitCode()).isZero();
		byte[] after = this.unit.state();
		assertThat(StateFiles.flags(after)).contains(LeadershipFlags.changed("password"));
		assertThat(StateFiles.value(after, "leadership.settings.password")).isEqualTo("v2");
	}

	@Test
	void killedDuringTheWriteTheStateFileIsAlwaysTheOldOrTheNewOneWhole() throws Exception {
		int runs = Integer.getInteger("reliability.kill.runs", 100);
		Unit.Run install = this.unit.run("install", "RELIABILITY_BLOB_KB=" + BLOB_KB);
		assertThat(install.exitCode()).as(install.stderr()).isZero();
		byte[] previous = this.unit.state();
		// The predictor must match a real, unkilled write, or the comparisons below mean nothing;
		// this run also measures how long the write takes, to aim the kills at it.
		Unit.Child warmUp = this.unit.start("update-status", "RELIABILITY_BLOB_KB=" + BLOB_KB,
				"RELIABILITY_MARK_COMMIT=true");
		this.unit.awaitSignal("committing", warmUp);
		long start = System.nanoTime();
		java.nio.file.attribute.FileTime modified = java.nio.file.Files.getLastModifiedTime(this.unit.stateFile());
		while (warmUp.process().isAlive()
				&& modified.equals(java.nio.file.Files.getLastModifiedTime(this.unit.stateFile()))) {
			Thread.onSpinWait();
		}
		long window = Math.max(TimeUnit.MILLISECONDS.toNanos(5), 2 * (System.nanoTime() - start));
		assertThat(warmUp.await().exitCode()).isZero();
		assertThat(this.unit.state()).isEqualTo(StateFiles.next(previous, BLOB_KB));
		previous = this.unit.state();
		int old = 0;
		int renewed = 0;
		for (int i = 0; i < runs; i++) {
			byte[] expected = StateFiles.next(previous, BLOB_KB);
			this.unit.clearSignal("committing");
			Unit.Child hook = this.unit.start("update-status", "RELIABILITY_BLOB_KB=" + BLOB_KB,
					"RELIABILITY_MARK_COMMIT=true");
			this.unit.awaitSignal("committing", hook);
			long until = System.nanoTime() + ThreadLocalRandom.current().nextLong(0, window);
			while (System.nanoTime() < until) {
				Thread.onSpinWait();
			}
			hook.kill();
			faultPoints.incrementAndGet();
			byte[] now = this.unit.state();
			expectOneOf(now, previous, expected);
			if (java.util.Arrays.equals(now, previous)) {
				old++;
			}
			else {
				renewed++;
			}
			previous = now;
		}
		int stray = this.unit.tempFiles().size();
		strayTempFiles.addAndGet(stray);
		System.out.println("write kills: " + runs + " within " + TimeUnit.NANOSECONDS.toMillis(window)
				+ " ms of the write starting" + " (old state kept " + old + ", new state " + renewed
				+ "), stray temporary files left: " + stray);
		assertThat(old + renewed).isEqualTo(runs);
		Unit.Run last = this.unit.run("update-status", "RELIABILITY_BLOB_KB=" + BLOB_KB);
		assertThat(last.exitCode()).as(last.stderr()).isZero();
		assertThat(this.unit.state()).isEqualTo(StateFiles.next(previous, BLOB_KB));
	}

	@Test
	void aTemporaryFileLeftByAKilledWriteIsRemovedByTheNextCommit() throws Exception {
		assertThat(this.unit.run("install").exitCode()).isZero();
		// What a write killed after createTempFile leaves: a partial copy of the new state.
		Path stray = this.unit.charmDir().resolve(".spring-charm-state.json1234567890.tmp");
		java.nio.file.Files.writeString(stray, "{\"format\": 1, \"values\": {\"cou");
		assertThat(this.unit.run("update-status").exitCode()).isZero();
		assertThat(this.unit.tempFiles()).isEmpty();
	}

	private static void expectIntact(byte[] actual, byte[] committed) {
		expectOneOf(actual, committed, committed);
	}

	private static void expectOneOf(byte[] actual, byte[] previous, byte[] next) {
		boolean intact = java.util.Arrays.equals(actual, previous) || java.util.Arrays.equals(actual, next);
		if (!intact) {
			statesLost.incrementAndGet();
		}
		assertThat(intact).as("state file is the previous or the new one, whole; it is: %s",
				StateFiles.text(actual).substring(0, Math.min(200, StateFiles.text(actual).length()))).isTrue();
	}

}
