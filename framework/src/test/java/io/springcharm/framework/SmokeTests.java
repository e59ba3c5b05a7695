package io.springcharm.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.smoke.SmokeCharm;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class SmokeTests {

	@TempDir
	Path charmDir;

	@Test
	void hookRunsHandlersAndCommitsState() throws Exception {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), "name: smoke\n");
		Files.writeString(this.charmDir.resolve("config.yaml"), "options:\n  fail: {type: boolean, default: false}\n");
		List<String> calls = new ArrayList<>();
		Map<String, String> env = Map.of("JUJU_UNIT_NAME", "smoke/0", "JUJU_CONTEXT_ID", "ctx", "JUJU_DISPATCH_PATH",
				"hooks/install", "JUJU_CHARM_DIR", this.charmDir.toString());
		int code = new CharmApplication(SmokeCharm.class).environment(env).toolRunner((ToolCall call) -> {
			calls.add(call.toString());
			return ToolResult.ok("");
		}).execute().exitCode();
		assertThat(code).isZero();
		assertThat(calls).containsExactly("status-set active -- hello from install");
		assertThat(Files.readString(this.charmDir.resolve(UnitState.FILE_NAME))).contains("\"seen\"");
	}

	@Test
	void configOfTheWrongTypeFailsConfigChangedNamingTheOption() throws Exception {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), "name: smoke\n");
		Files.writeString(this.charmDir.resolve("config.yaml"), "options:\n  fail: {type: boolean, default: false}\n");
		Map<String, String> env = Map.of("JUJU_UNIT_NAME", "smoke/0", "JUJU_CONTEXT_ID", "ctx", "JUJU_DISPATCH_PATH",
				"hooks/config-changed", "JUJU_CHARM_DIR", this.charmDir.toString());
		CharmApplication.HookOutcome outcome = new CharmApplication(SmokeCharm.class).environment(env)
			.toolRunner((ToolCall call) -> call.tool().equals("config-get") ? ToolResult.ok("{\"fail\": \"yes\"}")
					: ToolResult.ok(""))
			.errors(new java.io.PrintStream(java.io.OutputStream.nullOutputStream()))
			.execute();
		assertThat(outcome.exitCode()).isEqualTo(1);
		assertThat(outcome.failure()).hasMessageContaining("'fail'").hasMessageContaining("boolean");
		assertThat(this.charmDir.resolve(UnitState.FILE_NAME)).doesNotExist();
	}
}
