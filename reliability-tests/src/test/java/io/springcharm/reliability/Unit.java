package io.springcharm.reliability;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.springcharm.framework.state.UnitState;
import io.springcharm.reliability.charm.ReliabilityCharm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * One unit as Juju would run it: a charm directory, a tools directory of fake hook tools
 * ({@code #!/bin/sh} scripts that append their argv to {@code calls.log}) put first on the
 * child's PATH, and {@link ReliabilityCharm} started as a child JVM per hook. Every child
 * started is killed by {@link #close()}.
 */
final class Unit implements AutoCloseable {

	/** Generous: only guards against a hang, never asserts on speed. */
	private static final long DEADLINE_SECONDS = 120;

	private final Path charmDir;

	private final Path toolsDir;

	private final Path signals;

	private final Path output;

	private final List<Process> started = new ArrayList<>();

	private final AtomicInteger runs = new AtomicInteger();

	Unit(Path root) throws IOException {
		this.charmDir = Files.createDirectories(root.resolve("charm"));
		this.toolsDir = Files.createDirectories(root.resolve("tools"));
		this.signals = Files.createDirectories(root.resolve("signals"));
		this.output = Files.createDirectories(root.resolve("output"));
		Files.writeString(this.charmDir.resolve("metadata.yaml"),
				"name: reliability\nrequires:\n  db:\n    interface: db\n");
		Files.writeString(this.charmDir.resolve("config.yaml"), "options:\n  name: {type: string, default: x}\n");
		tool("juju-log", "");
		tool("status-set", "");
		tool("config-get", "printf '%s\\n' '{\"name\": \"x\"}'\n");
		tool("is-leader", "printf '%s\\n' false\n");
		tool("leader-get", "cat '" + leaderSettings() + "'\n");
		tool("leader-set", "");
		leaderSettings("{}");
	}

	Path charmDir() {
		return this.charmDir;
	}

	Path signals() {
		return this.signals;
	}

	Path stateFile() {
		return this.charmDir.resolve(UnitState.FILE_NAME);
	}

	/** The state file's bytes, or {@code null} when there is none. */
	byte[] state() throws IOException {
		return Files.exists(stateFile()) ? Files.readAllBytes(stateFile()) : null;
	}

	String stateText() throws IOException {
		return new String(Files.readAllBytes(stateFile()), StandardCharsets.UTF_8);
	}

	/** Temporary files a state write left in the charm directory. */
	List<Path> tempFiles() throws IOException {
		try (Stream<Path> files = Files.list(this.charmDir)) {
			return files.filter((file) -> {
				String name = file.getFileName().toString();
				return name.startsWith(UnitState.FILE_NAME) && name.endsWith(".tmp");
			}).toList();
		}
	}

	/**
	 * Writes a fake tool: it logs {@code <name> <args>} to {@code calls.log}, then runs the
	 * given shell lines.
	 */
	void tool(String name, String body) throws IOException {
		Path script = this.toolsDir.resolve(name);
		Files.writeString(script,
				"#!/bin/sh\nprintf '%s\\n' \"" + name + " $*\" >> '" + callLog() + "'\n" + body);
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
	}

	/** A fake tool that prints {@code ERROR <message>} on stderr and exits with a code. */
	void failingTool(String name, int exitCode, String message) throws IOException {
		tool(name, "printf '%s\\n' 'ERROR " + message + "' >&2\nexit " + exitCode + "\n");
	}

	void removeTool(String name) throws IOException {
		Files.delete(this.toolsDir.resolve(name));
	}

	void leader(boolean leader) throws IOException {
		tool("is-leader", "printf '%s\\n' " + leader + "\n");
	}

	/** What {@code leader-get} prints: Juju applies {@code leader-set} at once. */
	void leaderSettings(String json) throws IOException {
		Files.writeString(leaderSettings(), json + "\n");
	}

	private Path leaderSettings() {
		return this.toolsDir.resolve("leader-settings.json");
	}

	private Path callLog() {
		return this.toolsDir.resolve("calls.log");
	}

	List<String> toolCalls() throws IOException {
		return Files.exists(callLog()) ? Files.readAllLines(callLog()) : List.of();
	}

	List<String> observations() throws IOException {
		Path file = this.signals.resolve("observations");
		return Files.exists(file) ? Files.readAllLines(file) : List.of();
	}

	/** Runs one hook to its end. */
	Run run(String hook, String... settings) throws Exception {
		return start(hook, settings).await();
	}

	/**
	 * Starts one hook.
	 * @param hook for example {@code install}
	 * @param settings {@code NAME=value} environment entries for the charm
	 */
	Child start(String hook, String... settings) throws IOException {
		int run = this.runs.incrementAndGet();
		Path stdout = this.output.resolve(run + ".out");
		Path stderr = this.output.resolve(run + ".err");
		String java = ProcessHandle.current().info().command().orElseThrow();
		ProcessBuilder builder = new ProcessBuilder(java, "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-cp",
				System.getProperty("java.class.path"), ReliabilityCharm.class.getName())
			.directory(this.charmDir.toFile())
			.redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
		Map<String, String> env = builder.environment();
		env.keySet().removeIf((name) -> name.startsWith("JUJU_") || name.startsWith("RELIABILITY_"));
		env.putAll(hookEnvironment(hook, run));
		env.put("RELIABILITY_SIGNALS", this.signals.toString());
		for (String setting : settings) {
			int equals = setting.indexOf('=');
			env.put(setting.substring(0, equals), setting.substring(equals + 1));
		}
		env.put("PATH", this.toolsDir + File.pathSeparator + System.getenv("PATH"));
		Process process = builder.start();
		synchronized (this.started) {
			this.started.add(process);
		}
		return new Child(process, stdout, stderr);
	}

	private Map<String, String> hookEnvironment(String hook, int run) {
		Map<String, String> env = new HashMap<>();
		env.put("JUJU_UNIT_NAME", "reliability/0");
		env.put("JUJU_CONTEXT_ID", "reliability/0-" + hook + "-" + run);
		env.put("JUJU_DISPATCH_PATH", "hooks/" + hook);
		env.put("JUJU_CHARM_DIR", this.charmDir.toString());
		env.put("JUJU_MODEL_NAME", "test");
		env.put("JUJU_VERSION", "3.6.1");
		if (hook.startsWith("db-relation-")) {
			env.put("JUJU_RELATION", "db");
			env.put("JUJU_RELATION_ID", "db:7");
			env.put("JUJU_REMOTE_UNIT", "remote/0");
			env.put("JUJU_REMOTE_APP", "remote");
		}
		return env;
	}

	/** Waits until a signal file exists; fails if the child ends first. */
	void awaitSignal(String name, Child child) throws InterruptedException {
		Path file = this.signals.resolve(name);
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(DEADLINE_SECONDS);
		while (!Files.exists(file)) {
			if (!child.process().isAlive()) {
				fail("the hook ended (exit " + child.process().exitValue() + ") before signalling '" + name
						+ "': " + child.stderrText());
			}
			if (System.nanoTime() > deadline) {
				fail("no '" + name + "' signal within " + DEADLINE_SECONDS + "s");
			}
			Thread.sleep(1);
		}
	}

	void clearSignal(String name) throws IOException {
		Files.deleteIfExists(this.signals.resolve(name));
	}

	void signal(String name) throws IOException {
		Files.write(this.signals.resolve(name), new byte[0]);
	}

	/** Kills every child still running and waits for each to end. */
	@Override
	public void close() throws InterruptedException {
		synchronized (this.started) {
			for (Process process : this.started) {
				process.destroyForcibly();
			}
			for (Process process : this.started) {
				process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS);
			}
			this.started.clear();
		}
	}

	/** A running hook. */
	record Child(Process process, Path stdout, Path stderr) {

		Run await() throws Exception {
			assertThat(this.process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("hook finished").isTrue();
			return new Run(this.process.exitValue(), Files.readString(this.stdout), Files.readString(this.stderr));
		}

		/** SIGKILL (Process.destroyForcibly on Linux), then reaps it. */
		int kill() throws InterruptedException {
			this.process.destroyForcibly();
			assertThat(this.process.waitFor(DEADLINE_SECONDS, TimeUnit.SECONDS)).as("killed hook ended").isTrue();
			return this.process.exitValue();
		}

		String stderrText() {
			try {
				return Files.readString(this.stderr);
			}
			catch (IOException ex) {
				return "(no stderr: " + ex.getMessage() + ")";
			}
		}
	}

	/** How a hook ended. */
	record Run(int exitCode, String stdout, String stderr) {
	}

}
