package io.springcharm.reliability;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two processes of the same unit at once (a hook and {@code juju exec}, say): the second
 * waits on the state lock until the first has committed and sees what it committed.
 */
class ConcurrentHookTests extends UnitFixture {

	@Test
	void theSecondProcessWaitsForTheFirstToCommitAndSeesItsState() throws Exception {
		assertThat(this.unit.run("install").exitCode()).isZero();
		Unit.Child first = this.unit.start("update-status", "RELIABILITY_NAME=first", "RELIABILITY_PAUSE=in-handler",
				"RELIABILITY_BLOB_KB=64");
		this.unit.awaitSignal("reached", first);
		Unit.Child second = this.unit.start("config-changed", "RELIABILITY_NAME=second", "RELIABILITY_BLOB_KB=64");
		// Give the second process time to reach the lock; the assertions below do not depend on it.
		Thread.sleep(3000);
		assertThat(second.process().isAlive()).as("second process still waiting for the lock").isTrue();
		assertThat(this.unit.observations()).noneMatch((line) -> line.contains("second"));
		this.unit.signal("release");

		Unit.Run firstRun = first.await();
		Unit.Run secondRun = second.await();
		assertThat(firstRun.exitCode()).as(firstRun.stderr()).isZero();
		assertThat(secondRun.exitCode()).as(secondRun.stderr()).isZero();
		List<String> observations = this.unit.observations();
		assertThat(observations).filteredOn((line) -> line.contains("first") || line.contains("second"))
			.extracting((line) -> line.replaceFirst(" flags=.*", ""))
			.containsExactly("start first count=1", "handler first count=1", "closed first", "start second count=2",
					"handler second count=2", "closed second");
		byte[] state = this.unit.state();
		assertThat(StateFiles.value(state, "count")).isEqualTo("3");
		assertThat(StateFiles.value(state, "blob.63")).startsWith("3-63-");
		assertThat(this.unit.tempFiles()).isEmpty();
	}

	@Test
	void manyProcessesAtOnceEachCountExactlyOnce() throws Exception {
		int processes = 4;
		Unit.Child[] children = new Unit.Child[processes];
		for (int i = 0; i < processes; i++) {
			children[i] = this.unit.start("update-status", "RELIABILITY_NAME=p" + i);
		}
		for (Unit.Child child : children) {
			Unit.Run run = child.await();
			assertThat(run.exitCode()).as(run.stderr()).isZero();
		}
		assertThat(StateFiles.value(this.unit.state(), "count")).isEqualTo(Integer.toString(processes));
		assertThat(this.unit.observations()).filteredOn((line) -> line.startsWith("handler"))
			.extracting((line) -> line.replaceFirst("handler p\\d count=(\\S+).*", "$1"))
			.containsExactly("null", "1", "2", "3");
	}

}
