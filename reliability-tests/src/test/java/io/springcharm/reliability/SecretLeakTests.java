package io.springcharm.reliability;

import java.nio.file.Files;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs hooks whose leadership or relation value is a recognisable secret through failing and
 * succeeding paths, and checks that the secret never reaches the child's stdout, stderr or
 * any juju-log argument. Only whether it appears is reported, never the value.
 */
class SecretLeakTests extends UnitFixture {

	private static final String SECRET = "S3CR3T-zebra-7194-quartz";

	private static final AtomicInteger paths = new AtomicInteger();

	private static final AtomicInteger leaks = new AtomicInteger();

	@AfterAll
	static void summary() {
		System.out.println("secrets: " + paths.get() + " paths tried, " + leaks.get() + " leaks");
	}

	@Test
	void aFailingLeaderSetThatEchoesItsArgumentsDoesNotLeakTheValue() throws Exception {
		this.unit.leader(true);
		// The worst case: the tool repeats its argv in its error text.
		this.unit.tool("leader-set", "printf 'ERROR cannot write %s\\n' \"$*\" >&2\nexit 1\n");
		Unit.Run run = this.unit.run("update-status", "RELIABILITY_LEADER_SET=" + SECRET);
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("leader-set");
		expectNoLeak(run);
	}

	@Test
	void aLeaderSetValueJujuWouldTrimIsRefusedWithoutShowingIt() throws Exception {
		this.unit.leader(true);
		Unit.Run run = this.unit.run("update-status", "RELIABILITY_LEADER_SET= " + SECRET + " ");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(this.unit.toolCalls()).noneMatch((call) -> call.startsWith("leader-set"));
		expectNoLeak(run);
	}

	@Test
	void aSuccessfulLeaderSetDoesNotLeakTheValue() throws Exception {
		this.unit.leader(true);
		Unit.Run run = this.unit.run("update-status", "RELIABILITY_LEADER_SET=" + SECRET);
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		assertThat(this.unit.toolCalls()).contains("leader-set password=" + SECRET);
		expectNoLeak(run);
		// The snapshot in unit state holds it, so the file must stay private.
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(this.unit.stateFile())))
			.isEqualTo("rw-------");
	}

	@Test
	void aHandlerFailingAfterReadingASecretLeaderSettingDoesNotLeakIt() throws Exception {
		this.unit.leaderSettings("{\"password\": \"" + SECRET + "\"}");
		Unit.Run run = this.unit.run("leader-settings-changed", "RELIABILITY_READ_LEADER=true", "RELIABILITY_FAIL=true");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("asked to fail");
		expectNoLeak(run);
	}

	@Test
	void aHandlerFailingAfterReadingASecretRelationValueDoesNotLeakIt() throws Exception {
		this.unit.tool("relation-get", "printf '%s\\n' '{\"password\": \"" + SECRET + "\"}'\n");
		Unit.Run run = this.unit.run("db-relation-changed", "RELIABILITY_READ_RELATION=db:7", "RELIABILITY_FAIL=true");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(this.unit.toolCalls()).anyMatch((call) -> call.startsWith("relation-get"));
		expectNoLeak(run);
	}

	private void expectNoLeak(Unit.Run run) throws Exception {
		paths.incrementAndGet();
		boolean inStdout = run.stdout().contains(SECRET);
		boolean inStderr = run.stderr().contains(SECRET);
		long inLog = this.unit.toolCalls()
			.stream()
			.filter((call) -> call.startsWith("juju-log") || call.startsWith("status-set"))
			.filter((call) -> call.contains(SECRET))
			.count();
		if (inStdout || inStderr || inLog > 0) {
			leaks.incrementAndGet();
		}
		// Booleans only: a failure message must not print the secret either.
		assertThat(inStdout).as("secret in stdout").isFalse();
		assertThat(inStderr).as("secret in stderr").isFalse();
		assertThat(inLog).as("juju-log or status-set calls with the secret").isZero();
	}

}
