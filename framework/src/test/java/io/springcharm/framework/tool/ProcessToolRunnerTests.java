package io.springcharm.framework.tool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs real executables. ProcessBuilder looks a bare command name up on the PATH of this
 * JVM, not on the child's environment, so these tests name each fake tool by its absolute
 * path; the child-JVM integration tests cover lookup on PATH.
 */
class ProcessToolRunnerTests {

	@TempDir
	Path dir;

	@Test
	void passesArgvVerbatimWithoutAShell() throws IOException {
		Path tool = script("echo-args", "for a in \"$@\"; do printf '[%s]' \"$a\"; done");
		ToolResult result = runner().run(ToolCall.of(tool.toString(), "a b", "$HOME", "*", "--", ""));
		assertThat(result.exitCode()).isZero();
		assertThat(result.stdout()).isEqualTo("[a b][$HOME][*][--][]");
	}

	@Test
	void deliversStandardInput() throws IOException {
		Path tool = script("cat-stdin", "cat");
		ToolResult result = runner()
			.run(new ToolCall(tool.toString(), List.of("--file", "-"), "{\"k\":\"v\"}", Set.of()));
		assertThat(result.stdout()).isEqualTo("{\"k\":\"v\"}");
	}

	@Test
	void givesAToolWithoutInputAnEmptyStandardInput() throws IOException {
		Path tool = script("count-stdin", "wc -c | tr -d ' '");
		assertThat(runner().run(ToolCall.of(tool.toString())).stdout().strip()).isEqualTo("0");
	}

	@Test
	void largeOutputOnBothStreamsDoesNotStall() throws IOException {
		Path tool = script("noisy", "i=0; while [ $i -lt 3000 ]; do echo 'err line of some length......' >&2; "
				+ "echo 'out line of some length......'; i=$((i+1)); done");
		ToolResult result = runner().run(ToolCall.of(tool.toString()));
		assertThat(result.stdout().lines()).hasSize(3000);
		assertThat(result.stderr().lines()).hasSize(3000);
	}

	@Test
	void returnsExitCodesAndStderrAsAResult() throws IOException {
		Path usage = script("usage", "echo 'ERROR option provided but not defined: --foo' >&2; exit 2");
		Path runtime = script("runtime", "echo 'ERROR permission denied' >&2; exit 1");
		ToolResult bad = runner().run(ToolCall.of(usage.toString(), "--foo"));
		assertThat(bad.exitCode()).isEqualTo(2);
		assertThat(bad.stderr()).isEqualTo("ERROR option provided but not defined: --foo\n");
		assertThat(runner().run(ToolCall.of(runtime.toString())).exitCode()).isEqualTo(1);
	}

	@Test
	void aToolThatExitsWithoutReadingItsInputStillReportsItsExitCode() throws IOException {
		Path tool = script("early-exit", "echo 'ERROR no relation id specified' >&2; exit 2");
		String big = "x".repeat(1 << 20);
		ToolResult result = runner().run(new ToolCall(tool.toString(), List.of(), big, Set.of()));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.stderr()).contains("no relation id specified");
	}

	@Test
	void runsInTheCharmDirectory() throws IOException {
		Path tool = script("where", "pwd");
		assertThat(Path.of(runner().run(ToolCall.of(tool.toString())).stdout().strip()).toRealPath())
			.isEqualTo(this.dir.toRealPath());
	}

	@Test
	void aMissingToolIsAHookToolExceptionNamingIt() {
		assertThatExceptionOfType(HookToolException.class)
			.isThrownBy(() -> runner().run(ToolCall.of("spring-charm-no-such-tool", "--format=json")))
			.satisfies((ex) -> {
				assertThat(ex.exitCode()).isEqualTo(-1);
				assertThat(ex.tool()).isEqualTo("spring-charm-no-such-tool");
				assertThat(ex.getMessage()).contains("cannot run 'spring-charm-no-such-tool'", "not found on PATH");
			});
	}

	@Test
	void aToolThatIsNotExecutableSaysSo() throws IOException {
		Path tool = Files.writeString(this.dir.resolve("plain"), "#!/bin/sh\n");
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> runner().run(ToolCall.of(tool.toString())))
			.withMessageContaining("not executable");
	}

	@Test
	void aMissingToolDoesNotShowSecretArguments() {
		ToolCall call = new ToolCall("spring-charm-no-such-leader-set", List.of("password=hunter22"), null, Set.of(0));
		assertThatExceptionOfType(HookToolException.class).isThrownBy(() -> runner().run(call))
			.withMessageNotContaining("hunter22")
			.withMessageContaining("password=" + ToolCall.REDACTED);
	}

	private ProcessToolRunner runner() {
		return new ProcessToolRunner(this.dir);
	}

	private Path script(String name, String body) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, "#!/bin/sh\n" + body + "\n");
		Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwx------"));
		return file;
	}
}
