package io.springcharm.framework.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Answers only registered, exact command lines and fails the test on any other, like
 * ops' {@code test_hookcmds}. A {@code key#file=<path>} argument is checked (absolute,
 * private) and read while the tool "runs", then matched as {@code key#file=<tmp>/key}.
 */
final class FakeToolRunner implements ToolRunner {

	private static final Pattern SECRET_FILE = Pattern.compile("([a-z0-9-]+)#file=(.*)");

	private final Map<List<String>, ToolResult> answers = new HashMap<>();

	private final List<Call> calls = new ArrayList<>();

	/** Answers a command line with this output and exit 0. */
	FakeToolRunner ok(String stdout, String... argv) {
		return answer(ToolResult.ok(stdout), argv);
	}

	/** Answers a command line with Juju's error shape. */
	FakeToolRunner error(int exitCode, String message, String... argv) {
		return answer(ToolResult.error(exitCode, message), argv);
	}

	FakeToolRunner answer(ToolResult result, String... argv) {
		this.answers.put(List.of(argv), result);
		return this;
	}

	@Override
	public ToolResult run(ToolCall call) {
		Map<String, String> files = new LinkedHashMap<>();
		List<String> argv = new ArrayList<>();
		List<Path> paths = new ArrayList<>();
		for (String arg : call.command()) {
			Matcher m = SECRET_FILE.matcher(arg);
			if (m.matches()) {
				Path path = Path.of(m.group(2));
				files.put(m.group(1), readPrivate(path));
				paths.add(path);
				argv.add(m.group(1) + "#file=<tmp>/" + path.getFileName());
			}
			else {
				argv.add(arg);
			}
		}
		this.calls.add(new Call(List.copyOf(argv), call.stdin(), files, paths));
		ToolResult result = this.answers.get(argv);
		if (result == null) {
			fail("unexpected tool call: " + argv + "; registered: " + this.answers.keySet());
		}
		return result;
	}

	List<Call> calls() {
		return this.calls;
	}

	Call onlyCall() {
		assertThat(this.calls).hasSize(1);
		return this.calls.get(0);
	}

	private static String readPrivate(Path path) {
		assertThat(path).isAbsolute();
		try {
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path.getParent())))
				.isEqualTo("rwx------");
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * One call as the fake saw it.
	 * @param argv the command line, secret file paths replaced by {@code <tmp>}
	 * @param stdin what the tool was given on standard input
	 * @param files secret key to the content of its file at call time
	 * @param paths the secret files' real paths
	 */
	record Call(List<String> argv, @Nullable String stdin, Map<String, String> files, List<Path> paths) {

		String line() {
			return String.join(" ", this.argv);
		}
	}
}
