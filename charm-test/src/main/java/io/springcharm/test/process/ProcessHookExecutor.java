package io.springcharm.test.process;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.tool.ToolRunner;
import io.springcharm.test.model.HookExecution;
import io.springcharm.test.model.HookExecutor;
import io.springcharm.test.model.UnitDirectories;
import org.jspecify.annotations.Nullable;

/**
 * Runs each hook as a real process, as Juju's unit agent does: the charm's {@code dispatch}
 * (or {@code hooks/<name>}, §1.2 of the reference) with no arguments, in the unit's charm
 * directory, with an environment built from scratch, and hook tools on {@code PATH} whose
 * calls reach the hook's {@link ToolRunner} through a {@link ToolServer}.
 * <p>
 * Output (stdout and stderr merged) goes to a file under {@code <root>/hook-logs}, so a
 * chatty hook can never block on a full pipe, nor a daemon it leaves behind keep the
 * runner waiting. When a C compiler exists each hook runs under a tiny native runner that
 * measures wall time, CPU time and peak memory around the process alone.
 */
public final class ProcessHookExecutor implements HookExecutor {

	/** The directories after the tools on a hook's {@code PATH}. */
	public static final String SYSTEM_PATH = "/usr/local/bin:/usr/bin:/bin";

	private final InstalledTools tools;

	private final ToolServer server;

	private final Path logs;

	private final @Nullable Path javaHome;

	private final @Nullable Duration hookTimeout;

	private final Consumer<HookMeasurement> listener;

	private final List<HookMeasurement> measurements = new ArrayList<>();

	private final AtomicInteger sequence = new AtomicInteger();

	private ProcessHookExecutor(Builder builder, Path root) throws IOException {
		this.tools = new ToolInstaller(builder.cacheDirectory).install(root.resolve("tools"), builder.client);
		this.logs = Files.createDirectories(root.resolve("hook-logs"));
		this.javaHome = builder.javaHome;
		this.hookTimeout = builder.hookTimeout;
		this.listener = builder.listener;
		this.server = startServer(builder.socket, root);
	}

	private static ToolServer startServer(@Nullable Path socket, Path root) throws IOException {
		if (socket != null) {
			return ToolServer.start(socket);
		}
		// Unix socket paths are limited to 107 bytes; a deep root gets a temporary directory.
		Path inRoot = root.toAbsolutePath().resolve("agent.socket");
		if (inRoot.toString().getBytes(StandardCharsets.UTF_8).length <= 100 && !Files.exists(inRoot)) {
			return ToolServer.start(inRoot);
		}
		return ToolServer.start();
	}

	/**
	 * Starts configuring an executor.
	 * @return a builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/** The installed tools. */
	public InstalledTools tools() {
		return this.tools;
	}

	/** The socket hooks' tools talk to. */
	public Path socketPath() {
		return this.server.socketPath();
	}

	/** Every hook run so far, oldest first. */
	public synchronized List<HookMeasurement> measurements() {
		return List.copyOf(this.measurements);
	}

	@Override
	public HookExecution execute(UnitDirectories unit, Map<String, String> environment, ToolRunner runner) {
		Objects.requireNonNull(runner, "'runner' must not be null");
		String dispatchPath = environment.getOrDefault("JUJU_DISPATCH_PATH", "");
		boolean action = dispatchPath.startsWith("actions/");
		String hook = dispatchPath.substring(dispatchPath.indexOf('/') + 1);
		Path charmDir = unit.charmDir().toAbsolutePath();
		try {
			Path program = program(charmDir, dispatchPath);
			if (program == null) {
				// Juju skips a hook without a handler and counts it a success; an action
				// without one fails.
				HookExecution skipped = action
						? new HookExecution(1, Duration.ZERO, "action not implemented on unit \"" + unit.unitName() + "\"\n")
						: new HookExecution(0, Duration.ZERO, "skipped \"" + hook + "\" hook (missing)\n");
				record(new HookMeasurement(unit.unitName(), hook, action, skipped.exitCode(), Duration.ZERO, null, -1, 0,
						null));
				return skipped;
			}
			return run(unit, environment, runner, program, hook, action);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot run " + dispatchPath + " for " + unit.unitName(), ex);
		}
	}

	private @Nullable Path program(Path charmDir, String dispatchPath) throws IOException {
		if (!Files.isRegularFile(charmDir.resolve("metadata.yaml"))) {
			throw new IOException("charm missing from disk: no metadata.yaml in " + charmDir);
		}
		Path dispatch = charmDir.resolve("dispatch");
		if (Files.exists(dispatch)) {
			// An existing but non-executable dispatch fails the hook, as in Juju; running it
			// gives the same permission error.
			return dispatch;
		}
		if (!dispatchPath.isEmpty()) {
			Path legacy = charmDir.resolve(dispatchPath);
			if (Files.isRegularFile(legacy) && Files.isExecutable(legacy)) {
				return legacy;
			}
		}
		return null;
	}

	@SuppressWarnings("try") // the registration only needs to span the process
	private HookExecution run(UnitDirectories unit, Map<String, String> environment, ToolRunner runner, Path program,
			String hook, boolean action) throws IOException {
		Map<String, String> env = environment(unit, environment);
		int seq = this.sequence.incrementAndGet();
		String name = String.format("%05d-%s-%s", seq, unit.unitName().replace('/', '-'), hook);
		Path log = this.logs.resolve(name + ".log");
		Path result = this.logs.resolve(name + ".result");
		Path hookRunner = this.tools.hookRunner();
		List<String> argv = (hookRunner != null) ? List.of(hookRunner.toString(), result.toString(), program.toString())
				: List.of(program.toString());
		ProcessBuilder builder = new ProcessBuilder(argv).directory(unit.charmDir().toFile())
			.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
			.redirectErrorStream(true)
			.redirectOutput(log.toFile());
		builder.environment().clear();
		builder.environment().putAll(env);
		Files.createDirectories(unit.machineRoot());

		int exitCode;
		long started;
		long ended;
		long callsBefore;
		long callsAfter;
		boolean timedOut = false;
		String contextId = Objects.requireNonNull(env.get("JUJU_CONTEXT_ID"),
				"'JUJU_CONTEXT_ID' must be set: tool calls are routed by it");
		try (ToolServer.Registration registration = this.server.register(contextId, runner)) {
			callsBefore = this.server.callCount();
			started = System.nanoTime();
			Process process;
			try {
				process = builder.start();
			}
			catch (IOException ex) {
				// Juju fails the hook when its handler cannot be started (e.g. not executable).
				Files.writeString(log, "fork/exec " + program + ": " + ex.getMessage() + "\n");
				process = null;
			}
			if (process != null) {
				timedOut = !waitFor(process);
				exitCode = process.exitValue();
			}
			else {
				exitCode = 126;
			}
			ended = System.nanoTime();
			callsAfter = this.server.callCount();
		}
		String output = Files.readString(log, StandardCharsets.UTF_8);
		Duration elapsed = Duration.ofNanos(ended - started);
		Duration cpu = null;
		long maxRss = -1;
		if (Files.exists(result)) {
			Map<String, Long> measured = parseResult(Files.readString(result));
			Files.delete(result);
			elapsed = Duration.ofNanos(measured.getOrDefault("wall_ns", ended - started));
			if (measured.containsKey("user_us") && measured.containsKey("sys_us")) {
				cpu = Duration.ofNanos(1000 * (measured.get("user_us") + measured.get("sys_us")));
			}
			maxRss = measured.getOrDefault("maxrss_kb", -1L);
		}
		if (timedOut) {
			output += "\n[local model] hook killed after " + this.hookTimeout + "\n";
		}
		record(new HookMeasurement(unit.unitName(), hook, action, exitCode, elapsed, cpu, maxRss, callsAfter - callsBefore,
				log));
		return new HookExecution(exitCode, elapsed, output);
	}

	private Map<String, String> environment(UnitDirectories unit, Map<String, String> given) {
		Map<String, String> env = new HashMap<>(given);
		env.put("PATH", this.tools.directory().toAbsolutePath() + ":" + SYSTEM_PATH);
		env.put("JUJU_AGENT_SOCKET_ADDRESS", this.server.socketPath().toString());
		env.put("JUJU_AGENT_SOCKET_NETWORK", "unix");
		if (this.javaHome != null) {
			env.put("JAVA_HOME", this.javaHome.toString());
		}
		else {
			env.putIfAbsent("JAVA_HOME", System.getProperty("java.home"));
		}
		env.putIfAbsent(HookEnvironment.MACHINE_ROOT_VARIABLE, unit.machineRoot().toAbsolutePath().toString());
		return env;
	}

	private boolean waitFor(Process process) {
		try {
			if (this.hookTimeout == null) {
				process.waitFor();
				return true;
			}
			if (process.waitFor(this.hookTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
				return true;
			}
			kill(process);
			process.waitFor();
			return false;
		}
		catch (InterruptedException ex) {
			kill(process);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while a hook was running", ex);
		}
	}

	private static void kill(Process process) {
		process.descendants().forEach(ProcessHandle::destroyForcibly);
		process.destroyForcibly();
	}

	private static Map<String, Long> parseResult(String line) {
		Map<String, Long> values = new HashMap<>();
		for (String field : line.strip().split(" ")) {
			int eq = field.indexOf('=');
			if (eq > 0) {
				try {
					values.put(field.substring(0, eq), Long.parseLong(field.substring(eq + 1)));
				}
				catch (NumberFormatException ex) {
					// An unreadable field is simply not reported.
				}
			}
		}
		return values;
	}

	private void record(HookMeasurement measurement) {
		synchronized (this) {
			this.measurements.add(measurement);
		}
		this.listener.accept(measurement);
	}

	@Override
	public void close() {
		this.server.close();
	}

	/** Configures a {@link ProcessHookExecutor}. */
	public static final class Builder {

		private @Nullable Path root;

		private Path cacheDirectory = ToolInstaller.defaultCacheDirectory();

		private @Nullable ClientKind client;

		private @Nullable Path javaHome;

		private @Nullable Duration hookTimeout;

		private @Nullable Path socket;

		private Consumer<HookMeasurement> listener = (measurement) -> {
		};

		private Builder() {
		}

		/**
		 * Where to install the tools ({@code <root>/tools}) and keep hook output
		 * ({@code <root>/hook-logs}). Required.
		 * @param root the directory
		 * @return this builder
		 */
		public Builder root(Path root) {
			this.root = root;
			return this;
		}

		/**
		 * Where compiled binaries are cached between runs.
		 * @param cacheDirectory the directory
		 * @return this builder
		 */
		public Builder cacheDirectory(Path cacheDirectory) {
			this.cacheDirectory = cacheDirectory;
			return this;
		}

		/**
		 * Forces a hook-tool client instead of the native one when a compiler exists.
		 * @param client the client
		 * @return this builder
		 */
		public Builder client(ClientKind client) {
			this.client = client;
			return this;
		}

		/**
		 * {@code JAVA_HOME} for hooks; by default the runner's own {@code java.home} unless
		 * the model's environment already sets one.
		 * @param javaHome the Java installation
		 * @return this builder
		 */
		public Builder javaHome(Path javaHome) {
			this.javaHome = javaHome;
			return this;
		}

		/**
		 * Kills a hook that runs longer. Juju has no hook timeout; the default is none.
		 * @param timeout the limit
		 * @return this builder
		 */
		public Builder hookTimeout(Duration timeout) {
			this.hookTimeout = timeout;
			return this;
		}

		/**
		 * The socket path to listen on; by default {@code <root>/agent.socket}, or one in a
		 * new temporary directory when that path is too long for a unix socket.
		 * @param socket the path, which must not exist
		 * @return this builder
		 */
		public Builder socket(Path socket) {
			this.socket = socket;
			return this;
		}

		/**
		 * Told about every hook as soon as it ends.
		 * @param listener the listener
		 * @return this builder
		 */
		public Builder listener(Consumer<HookMeasurement> listener) {
			this.listener = listener;
			return this;
		}

		/**
		 * Installs the tools and starts the socket.
		 * @return the executor; close it to stop the socket
		 */
		public ProcessHookExecutor build() {
			Path root = Objects.requireNonNull(this.root, "root is required");
			try {
				return new ProcessHookExecutor(this, root);
			}
			catch (IOException ex) {
				throw new UncheckedIOException("cannot start the process hook executor in " + root, ex);
			}
		}
	}
}
