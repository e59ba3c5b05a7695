package io.springcharm.test.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.test.model.HookExecution;
import io.springcharm.test.model.UnitDirectories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class ProcessHookExecutorTest {

	private static final String DISPATCH = """
			#!/bin/sh
			set -e
			echo "hook=$JUJU_DISPATCH_PATH cwd=$(pwd) home=${HOME-unset}"
			echo "path=$PATH"
			echo "machine=$SPRING_CHARM_MACHINE_ROOT java=$JAVA_HOME"
			leader=$(is-leader --format=json)
			echo "leader=$leader"
			relation-set -r db:1 --file - <<EOF
			greeting: hello
			EOF
			echo "to stderr" >&2
			if [ "$JUJU_HOOK_NAME" = "stop" ]; then exit 3; fi
			""";

	@TempDir
	Path dir;

	private ProcessHookExecutor executor;

	private final List<HookMeasurement> heard = new ArrayList<>();

	private final RecordingToolRunner runner = new RecordingToolRunner((call) -> switch (call.tool()) {
		case "is-leader" -> ToolResult.ok("true\n");
		default -> ToolResult.ok("");
	});

	@BeforeEach
	void start() {
		this.executor = ProcessHookExecutor.builder()
			.root(this.dir.resolve("root"))
			.cacheDirectory(this.dir.resolve("cache"))
			.listener(this.heard::add)
			.build();
	}

	@AfterEach
	void stop() {
		this.executor.close();
	}

	private UnitDirectories unit(String dispatch) throws IOException {
		Path charm = ShellCharms.charm(this.dir.resolve("app-0/charm"), "name: app\n", dispatch);
		return new UnitDirectories("app/0", charm, this.dir.resolve("app-0/machine"));
	}

	private static Map<String, String> env(String hook) {
		Map<String, String> env = new HashMap<>();
		env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
		env.put("JUJU_HOOK_NAME", hook);
		env.put("JUJU_UNIT_NAME", "app/0");
		env.put("JUJU_CONTEXT_ID", "app-0-" + hook + "-00112233445566778899aabbccddeeff");
		return env;
	}

	@Test
	void runsDispatchWithToolsOnPathAndAFreshEnvironment() throws IOException {
		UnitDirectories unit = unit(DISPATCH);
		HookExecution execution = this.executor.execute(unit, env("install"), this.runner);

		assertThat(execution.exitCode()).as(execution.output()).isZero();
		assertThat(execution.output()).contains("hook=hooks/install cwd=" + unit.charmDir() + " home=unset")
			.contains("path=" + this.executor.tools().directory().toAbsolutePath() + ":" + ProcessHookExecutor.SYSTEM_PATH)
			.contains("machine=" + unit.machineRoot().toAbsolutePath() + " java=" + System.getProperty("java.home"))
			.contains("leader=true")
			.contains("to stderr");
		assertThat(this.runner.calls()).extracting(ToolCall::tool).containsExactly("is-leader", "relation-set");
		ToolCall relationSet = this.runner.calls().get(1);
		assertThat(relationSet.args()).containsExactly("-r", "db:1", "--file", "-");
		assertThat(relationSet.stdin()).isEqualTo("greeting: hello\n");
		assertThat(unit.machineRoot()).isDirectory();

		assertThat(this.heard).singleElement().satisfies((m) -> {
			assertThat(m.unitName()).isEqualTo("app/0");
			assertThat(m.hook()).isEqualTo("install");
			assertThat(m.exitCode()).isZero();
			assertThat(m.toolCalls()).isEqualTo(2);
			assertThat(m.elapsed()).isEqualTo(execution.elapsed());
			if (this.executor.tools().hookRunner() != null) {
				assertThat(m.cpu()).isNotNull();
				assertThat(m.maxRssKilobytes()).isPositive();
			}
		});
		assertThat(this.executor.measurements()).isEqualTo(this.heard);
	}

	@Test
	void aFailingHookReportsItsExitCode() throws IOException {
		HookExecution execution = this.executor.execute(unit(DISPATCH), env("stop"), this.runner);
		assertThat(execution.exitCode()).isEqualTo(3);
		assertThat(execution.succeeded()).isFalse();
		assertThat(execution.output()).contains("leader=true");
	}

	@Test
	void toolsStopWorkingWhenTheHookEnds() throws Exception {
		// A background job outlives the hook's registration only in a real model; here the
		// hook hands its environment out and the test plays the late caller.
		UnitDirectories unit = unit("""
				#!/bin/sh
				env > "$SPRING_CHARM_MACHINE_ROOT/env"
				""");
		assertThat(this.executor.execute(unit, env("start"), this.runner).exitCode()).isZero();
		Map<String, String> hookEnv = new HashMap<>();
		for (String line : Files.readAllLines(unit.machineRoot().resolve("env"))) {
			int eq = line.indexOf('=');
			if (eq > 0) {
				hookEnv.put(line.substring(0, eq), line.substring(eq + 1));
			}
		}
		assertThat(hookEnv).containsEntry("JUJU_AGENT_SOCKET_NETWORK", "unix")
			.containsEntry("JUJU_AGENT_SOCKET_ADDRESS", this.executor.socketPath().toString())
			.doesNotContainKey("HOME");
		ProcessBuilder late = new ProcessBuilder(this.executor.tools().directory().resolve("is-leader").toString())
			.redirectErrorStream(true);
		late.environment().clear();
		late.environment().putAll(hookEnv);
		Process process = late.start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).isEqualTo(1);
		assertThat(output).contains("bad request: wrong context ID");
	}

	@Test
	void aMissingHandlerIsSkippedButAMissingActionFails() throws IOException {
		Path charm = Files.createDirectories(this.dir.resolve("bare"));
		Files.writeString(charm.resolve("metadata.yaml"), "name: bare\n");
		UnitDirectories unit = new UnitDirectories("bare/0", charm, this.dir.resolve("bare-machine"));
		HookExecution hook = this.executor.execute(unit, env("install"), this.runner);
		assertThat(hook.exitCode()).isZero();
		assertThat(hook.output()).contains("skipped \"install\" hook (missing)");
		Map<String, String> action = env("");
		action.put("JUJU_DISPATCH_PATH", "actions/backup");
		HookExecution backup = this.executor.execute(unit, action, this.runner);
		assertThat(backup.exitCode()).isEqualTo(1);
		assertThat(backup.output()).contains("action not implemented on unit \"bare/0\"");
	}

	@Test
	void aNonExecutableDispatchFailsTheHook() throws IOException {
		UnitDirectories unit = unit("#!/bin/sh\nexit 0\n");
		Files.setPosixFilePermissions(unit.charmDir().resolve("dispatch"), PosixFilePermissions.fromString("rw-r--r--"));
		HookExecution execution = this.executor.execute(unit, env("install"), this.runner);
		assertThat(execution.exitCode()).isNotZero();
		assertThat(execution.output()).containsIgnoringCase("permission denied");
	}

	@Test
	void aHookOverItsTimeoutIsKilled() throws IOException {
		try (ProcessHookExecutor limited = ProcessHookExecutor.builder()
			.root(this.dir.resolve("limited"))
			.cacheDirectory(this.dir.resolve("cache"))
			.hookTimeout(Duration.ofMillis(200))
			.build()) {
			HookExecution execution = limited.execute(unit("#!/bin/sh\nexec sleep 600\n"), env("install"), this.runner);
			assertThat(execution.exitCode()).isNotZero();
			assertThat(execution.output()).contains("hook killed after");
		}
	}
}
