package io.springcharm.reliability;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Damaged or unknown state files: the hook fails with a message naming the file and leaves
 * it byte-identical, never resetting the unit's state; the old format-0 file migrates.
 */
class StateFileTests extends UnitFixture {

	@Test
	void anEmptyStateFileFailsTheHookAndIsKept() throws Exception {
		expectRefused(new byte[0], "it is empty");
	}

	@Test
	void aTruncatedStateFileFailsTheHookAndIsKept() throws Exception {
		expectKept(bytes("{\"format\": 1, \"values\": {\"count\": \"4"), "not valid JSON");
	}

	@Test
	void aStateFileThatIsNotJsonFailsTheHookAndIsKept() throws Exception {
		expectKept(bytes("count=4\n"), "not valid JSON");
	}

	@Test
	void aStateFileOfBinaryGarbageFailsTheHookAndIsKept() throws Exception {
		expectKept(new byte[] { 0, (byte) 0xff, 0x7b, 0 }, "unreadable");
	}

	@Test
	void aStateFileFromAFutureVersionFailsTheHookAndIsKept() throws Exception {
		expectRefused(bytes("{\"format\": 2, \"values\": {\"count\": \"4\"}, \"flags\": [], \"new\": {}}"),
				"has format 2");
	}

	@Test
	void theErrorLineForAStateFileThatIsNotJsonNamesTheFile() throws Exception {
		expectRefused(bytes("count=4\n"), "not valid JSON");
	}

	@Test
	void aFormatZeroStateFileIsMigrated() throws Exception {
		Files.write(this.unit.stateFile(), bytes("{\"count\": \"4\", \"greeting\": \"old\"}"));
		Unit.Run run = this.unit.run("update-status");
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		byte[] state = this.unit.state();
		assertThat(StateFiles.parse(state).path("format").asInt()).isEqualTo(1);
		assertThat(StateFiles.value(state, "count")).isEqualTo("5");
		assertThat(StateFiles.value(state, "greeting")).isEqualTo("old");
		assertThat(StateFiles.flags(state)).contains("ran");
	}

	/** Exit 1, stderr and the juju-log ERROR line name the file and why, the file is kept. */
	private void expectRefused(byte[] content, String reason) throws Exception {
		expectKept(content, reason);
		assertThat(this.unit.toolCalls()).filteredOn((call) -> call.startsWith("juju-log --log-level ERROR"))
			.singleElement()
			.asString()
			.contains(this.unit.stateFile().toString())
			.contains(reason);
	}

	/** Exit 1, stderr names the file and why, the file is byte-identical, nothing ran. */
	private void expectKept(byte[] content, String reason) throws Exception {
		Files.write(this.unit.stateFile(), content);
		Unit.Run run = this.unit.run("update-status");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains(this.unit.stateFile().toString()).contains(reason);
		assertThat(this.unit.toolCalls()).filteredOn((call) -> call.startsWith("juju-log --log-level ERROR"))
			.singleElement()
			.asString()
			.contains("hook 'update-status' failed");
		assertThat(this.unit.state()).isEqualTo(content);
		assertThat(this.unit.observations()).as("no handler ran").isEmpty();
		assertThat(this.unit.tempFiles()).isEmpty();
	}

	private static byte[] bytes(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
