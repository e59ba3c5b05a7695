package io.springcharm.framework;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.springcharm.framework.integration.IntegrationCharm;
import io.springcharm.framework.state.UnitState;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the real entry point as Juju does: a child JVM started in the charm directory, with
 * fake hook tools (small shell scripts that log their argv and print canned JSON) first on
 * its PATH, so tool lookup, process handling, exit codes and the state file are all real.
 */
class CharmApplicationIntegrationTests {

	@TempDir
	Path charmDir;

	@TempDir
	Path toolsDir;

	private Path toolLog;

	@BeforeEach
	void charmAndTools() throws IOException {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), "name: integration\n");
		Files.writeString(this.charmDir.resolve("config.yaml"), "options:\n  fail: {type: boolean, default: false}\n");
		this.toolLog = this.toolsDir.resolve("calls.log");
		tool("status-set", "");
		tool("juju-log", "");
	}

	@Test
	void aSuccessfulHookCommitsUnitState() throws Exception {
		tool("config-get", "{\"fail\": false}");
		Run run = run(hookEnvironment("hooks/install"));
		assertThat(run.exitCode()).as(run.stderr()).isZero();
		JsonNode state = JsonMapper.shared().readTree(this.charmDir.resolve(UnitState.FILE_NAME).toFile());
		assertThat(state.path("flags").toString()).isEqualTo("[\"installed\"]");
		assertThat(state.path("values").path("greeting").asString()).isEqualTo("hello");
		assertThat(toolCalls()).containsExactly("config-get --format=json", "status-set active -- installed");
	}

	@Test
	void aThrowingHandlerExitsOneLogsAnErrorAndCommitsNothing() throws Exception {
		Path stateFile = this.charmDir.resolve(UnitState.FILE_NAME);
		String previous = "{\"format\": 1, \"values\": {\"greeting\": \"before\"}, \"flags\": []}";
		Files.writeString(stateFile, previous);
		tool("config-get", "{\"fail\": true}");
		Run run = run(hookEnvironment("hooks/install"));
		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(toolCalls()).contains(
				"juju-log --log-level ERROR -- hook 'install' failed: java.lang.IllegalStateException: asked to fail");
		assertThat(run.stderr()).contains("java.lang.IllegalStateException: asked to fail")
			.contains("at " + IntegrationCharm.class.getName());
		assertThat(Files.readString(stateFile)).isEqualTo(previous);
	}

	@Test
	void outsideAHookContextItExitsTwoWithOneLineAndStartsNothing() throws Exception {
		Run run = run(Map.of());
		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.stdout()).isEmpty();
		assertThat(run.stderr().lines()).singleElement()
			.asString()
			.startsWith("IntegrationCharm: not started by Juju");
		assertThat(this.toolLog).doesNotExist();
		assertThat(this.charmDir.resolve(UnitState.FILE_NAME + ".lock")).doesNotExist();
	}

	private Map<String, String> hookEnvironment(String dispatchPath) {
		return Map.of("JUJU_UNIT_NAME", "integration/0", "JUJU_CONTEXT_ID", "integration/0-install-42",
				"JUJU_DISPATCH_PATH", dispatchPath, "JUJU_CHARM_DIR", this.charmDir.toString(), "JUJU_MODEL_NAME",
				"test", "JUJU_VERSION", "3.6.1");
	}

	private Run run(Map<String, String> juju) throws Exception {
		String java = ProcessHandle.current().info().command().orElseThrow();
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-cp",
				System.getProperty("java.class.path"), IntegrationCharm.class.getName())
			.directory(this.charmDir.toFile())
			.redirectOutput(this.toolsDir.resolve("stdout").toFile())
			.redirectError(this.toolsDir.resolve("stderr").toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("JUJU_") || name.equals("CHARM_DIR"));
		env.putAll(juju);
		// The child JVM looks tools up on its own PATH, as under Juju.
		env.put("PATH", this.toolsDir + ":" + System.getenv("PATH"));
		Process process = builder.start();
		try {
			assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("charm process finished").isTrue();
			return new Run(process.exitValue(), Files.readString(this.toolsDir.resolve("stdout")),
					Files.readString(this.toolsDir.resolve("stderr")));
		}
		finally {
			process.destroyForcibly();
		}
	}

	private void tool(String name, String output) throws IOException {
		Path script = this.toolsDir.resolve(name);
		String body = "#!/bin/sh\n" + "printf '%s\\n' \"" + name + " $*\" >> '" + this.toolLog + "'\n"
				+ (output.isEmpty() ? "" : "printf '%s\\n' '" + output + "'\n");
		Files.writeString(script, body);
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
	}

	private List<String> toolCalls() throws IOException {
		return Files.exists(this.toolLog) ? Files.readAllLines(this.toolLog) : List.of();
	}

	private record Run(int exitCode, String stdout, String stderr) {
	}
}
