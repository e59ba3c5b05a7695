package io.springcharm.reliability;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hook tool that fails mid-hook, in each way a tool can: the hook exits 1, stderr and the
 * juju-log ERROR line name the tool, and the unit state is byte-identical afterwards.
 */
class ToolFailureTests extends UnitFixture {

	private byte[] committed;

	@BeforeEach
	void committedState() throws Exception {
		assertThat(this.unit.run("install").exitCode()).isZero();
		this.committed = this.unit.state();
	}

	@Test
	void aToolThatFailsWithAnErrorLineFailsTheHook() throws Exception {
		this.unit.failingTool("config-get", 1, "connection to the agent lost");
		expectFailureNaming("config-get", "connection to the agent lost");
	}

	@Test
	void aToolThatExitsNonZeroWithoutAMessageFailsTheHook() throws Exception {
		this.unit.tool("config-get", "exit 3\n");
		expectFailureNaming("config-get", "exit code 3");
	}

	@Test
	void aToolThatPrintsMalformedJsonFailsTheHook() throws Exception {
		this.unit.tool("config-get", "printf '%s\\n' '{\"name\" \"x\"}'\n");
		expectFailureNaming("config-get", "malformed or truncated JSON");
	}

	@Test
	void aToolThatPrintsTruncatedJsonFailsTheHook() throws Exception {
		this.unit.tool("config-get", "printf '%s' '{\"name\": \"x'\n");
		expectFailureNaming("config-get", "malformed or truncated JSON");
	}

	@Test
	void aToolMissingFromPathFailsTheHook() throws Exception {
		this.unit.removeTool("config-get");
		expectFailureNaming("config-get", "not found on PATH");
	}

	@Test
	void aFailingToolAtHookStartFailsTheHook() throws Exception {
		this.unit.failingTool("is-leader", 1, "permission denied");
		Unit.Run run = this.unit.run("update-status");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains("is-leader");
		assertThat(this.unit.toolCalls()).anySatisfy((call) -> assertThat(call).startsWith("juju-log --log-level ERROR")
			.contains("is-leader"));
		assertThat(this.unit.state()).isEqualTo(this.committed);
	}

	private void expectFailureNaming(String tool, String detail) throws Exception {
		Unit.Run run = this.unit.run("update-status", "RELIABILITY_READ_CONFIG=true");
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.stderr()).contains(tool).contains(detail);
		assertThat(this.unit.toolCalls()).filteredOn((call) -> call.startsWith("juju-log --log-level ERROR"))
			.singleElement()
			.asString()
			.contains("hook 'update-status' failed")
			.contains(tool)
			.contains(detail);
		// The handler had already changed count and flags; none of it was written.
		assertThat(this.unit.state()).isEqualTo(this.committed);
		assertThat(this.unit.observations()).filteredOn((line) -> line.startsWith("handler"))
			.last()
			.asString()
			.startsWith("handler hook count=1");
		assertThat(this.unit.tempFiles()).isEmpty();
	}

}
