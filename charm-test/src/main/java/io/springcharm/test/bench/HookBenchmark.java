package io.springcharm.test.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.test.model.CharmDirectories;
import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitDirectories;
import io.springcharm.test.process.CharmArchive;
import io.springcharm.test.process.HookMeasurement;
import io.springcharm.test.process.ProcessHookExecutor;
import io.springcharm.test.process.ToolInstaller;
import io.springcharm.test.process.Warmup;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Runs a packaged charm's hooks as whole processes ({@code dispatch} to exit) in the local
 * model and prints, per hook, wall median and p95, CPU, peak RSS and tool calls, next to
 * the JVM floor (an empty {@code main} started the same way) and each hook's ratio to it.
 * With {@code --compare}, it instead runs the quiet {@code update-status} of several builds
 * of a charm in interleaved rounds, so that machine noise falls on all of them alike, and
 * prints each one's ratio to the first: how a technique is measured.
 */
@Command(name = "hook-benchmark", mixinStandardHelpOptions = true,
		description = "Times a packaged charm's hooks as whole processes in the local model.")
public final class HookBenchmark implements Callable<Integer> {

	@Parameters(index = "0", description = "The .charm file or charm directory.")
	private Path charm;

	@Option(names = "--runs", defaultValue = "20", description = "Counted runs per hook (default ${DEFAULT-VALUE}).")
	private int runs;

	@Option(names = "--warmup", defaultValue = "3", description = "Uncounted runs per hook first (default ${DEFAULT-VALUE}).")
	private int warmup;

	@Option(names = "--java-home", description = "The Java the hooks run on (default: this JVM's).")
	private Path javaHome;

	@Option(names = "--compare", description = "Another build of the charm: time update-status of every build in "
			+ "interleaved rounds (--runs of them) and print each one's ratio to the first. Repeatable.")
	private List<Path> compare = new ArrayList<>();

	private final Map<String, List<HookMeasurement>> counted = new LinkedHashMap<>();

	/**
	 * @param args the command line
	 */
	public static void main(String[] args) {
		System.exit(new CommandLine(new HookBenchmark()).execute(args));
	}

	@Override
	public Integer call() throws Exception {
		Path javaHome = (this.javaHome != null) ? this.javaHome : Path.of(System.getProperty("java.home"));
		if (!this.compare.isEmpty()) {
			return compare(javaHome);
		}
		Path root = Files.createTempDirectory("hook-benchmark-");
		try {
			List<HookMeasurement> all = new ArrayList<>();
			ProcessHookExecutor processes = executor(root, javaHome, all);
			Path charmDir = CharmArchive.prepare(this.charm.toAbsolutePath(), root.resolve("charm"));
			CharmMetadata metadata = CharmMetadata.load(charmDir);
			List<HookMeasurement> floor = new ArrayList<>();
			try (Floor emptyMain = new Floor(root, javaHome);
					LocalModel model = LocalModel.builder().charmDirectory(charmDir).executor(processes).root(root).build()) {
				Warmup.run(processes, metadata, charmDir);
				long start = System.nanoTime();
				model.deploy(2);
				System.out.printf(Locale.ROOT,
						"deployed 2 units in %d ms; first hook (install; a Spring charm trains its class-data archive): %s%n",
						(System.nanoTime() - start) / 1_000_000, millis(all.get(0).elapsed()));
				String leader = Objects.requireNonNull(model.model().leader());
				String follower = follower(model);
				measure("update-status", all, () -> model.runHook(follower, "update-status"), emptyMain, floor);
				measure("config-changed", all, () -> model.runHook(follower, "config-changed"), emptyMain, floor);
				measure("leader-elected", all, () -> model.runHook(leader, "leader-elected"), emptyMain, floor);
				measure("leader-settings-changed", all, () -> model.runHook(follower, "leader-settings-changed"),
						emptyMain, floor);
			}
			print(javaHome, floor);
		}
		finally {
			CharmDirectories.deleteQuietly(root);
		}
		return 0;
	}

	/**
	 * Deploys every build as its own two-unit model, then runs the follower's quiet
	 * update-status once per build per round, in an order reversed every other round.
	 */
	private int compare(Path javaHome) throws Exception {
		List<Path> charms = new ArrayList<>();
		charms.add(this.charm);
		charms.addAll(this.compare);
		Path root = Files.createTempDirectory("hook-benchmark-");
		List<Build> builds = new ArrayList<>();
		try {
			for (Path charm : charms) {
				Path dir = root.resolve("build-" + builds.size());
				List<HookMeasurement> runs = new ArrayList<>();
				LocalModel model = LocalModel.builder()
					.charmDirectory(CharmArchive.prepare(charm.toAbsolutePath(), dir.resolve("charm")))
					.executor(executor(dir, javaHome, runs))
					.root(dir)
					.build();
				builds.add(new Build(charm, model, runs));
				model.deploy(2);
			}
			// The follower of each two-unit model does not change between rounds.
			List<String> followers = builds.stream().map((build) -> follower(build.model())).toList();
			for (int round = -this.warmup; round < this.runs; round++) {
				if (round == 0) {
					// Deployment and warm-up rounds are not counted.
					builds.forEach((build) -> build.runs().clear());
				}
				for (int k = 0; k < builds.size(); k++) {
					int i = (Math.floorMod(round, 2) == 0) ? k : builds.size() - 1 - k;
					builds.get(i).model().runHook(followers.get(i), "update-status");
				}
			}
		}
		finally {
			builds.forEach((build) -> build.model().close());
			CharmDirectories.deleteQuietly(root);
		}
		System.out.printf(Locale.ROOT, "%nJava: %s (%s), %d cores; update-status, %d interleaved rounds after %d warm-up rounds%n",
				javaHome, javaVersion(javaHome), Runtime.getRuntime().availableProcessors(), this.runs, this.warmup);
		System.out.printf(Locale.ROOT, "%-40s %9s %9s %12s %12s%n", "build", "wall p50", "CPU p50", "wall / first",
				"CPU / first");
		long firstWall = HookMeasurement.wallNanos(builds.get(0).runs(), 50);
		long firstCpu = HookMeasurement.cpuNanos(builds.get(0).runs(), 50);
		for (Build build : builds) {
			long wall = HookMeasurement.wallNanos(build.runs(), 50);
			long cpu = HookMeasurement.cpuNanos(build.runs(), 50);
			System.out.printf(Locale.ROOT, "%-40s %6d ms %6s ms %12.2f %12s%n", build.charm(), wall / 1_000_000,
					millisOrDash(cpu), (double) wall / firstWall, ratio(cpu, firstCpu, "%.2f"));
		}
		return 0;
	}

	/** One build of the charm in --compare, its model and its counted update-status runs. */
	private record Build(Path charm, LocalModel model, List<HookMeasurement> runs) {
	}

	private static String follower(LocalModel model) {
		return model.units().stream().filter((unit) -> !unit.leader()).findFirst().orElseThrow().name();
	}

	/** Runs hooks as processes on the given Java, reporting each one's measurement to the list. */
	private static ProcessHookExecutor executor(Path root, Path javaHome, List<HookMeasurement> measurements) {
		return ProcessHookExecutor.builder()
			.root(root)
			.cacheDirectory(ToolInstaller.defaultCacheDirectory())
			.javaHome(javaHome)
			.listener(measurements::add)
			.build();
	}

	/**
	 * Runs a hook warm-up plus counted times, the JVM floor once after each run, so that
	 * both are timed in the same stretch of the machine's (drifting) load.
	 */
	private void measure(String hook, List<HookMeasurement> all, Supplier<?> run, Floor emptyMain,
			List<HookMeasurement> floor) throws IOException {
		for (int i = 0; i < this.warmup + this.runs; i++) {
			int before = all.size();
			run.get();
			HookMeasurement empty = emptyMain.run();
			if (i >= this.warmup) {
				this.counted.computeIfAbsent(hook, (h) -> new ArrayList<>()).addAll(all.subList(before, all.size()));
				floor.add(empty);
			}
		}
	}

	/** The empty main, started by a shell script as dispatch starts the charm, measured by the same runner. */
	private static final class Floor implements AutoCloseable {

		private final List<HookMeasurement> runs = new ArrayList<>();

		private final ProcessHookExecutor processes;

		private final UnitDirectories unit;

		private final Map<String, String> env;

		Floor(Path root, Path javaHome) throws IOException {
			Path jar = Path.of(EmptyMain.class.getProtectionDomain().getCodeSource().getLocation().getPath());
			Path dir = Files.createDirectories(root.resolve("floor"));
			// The executor checks for metadata.yaml as Juju does before running dispatch.
			Files.writeString(dir.resolve("metadata.yaml"), "name: floor\n");
			Path script = dir.resolve("dispatch");
			// DispatchScript.START_UP_OPTIONS (charm-maven-plugin, not a dependency of this
			// module): keep the two in step.
			Files.writeString(script, "#!/bin/sh\nexec \"" + javaHome.resolve("bin/java")
					+ "\" -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=2 -XX:+UseSerialGC -XX:-UsePerfData -Xshare:auto -cp \""
					+ jar + "\" " + EmptyMain.class.getName() + "\n");
			Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
			this.processes = executor(root.resolve("floor-root"), javaHome, this.runs);
			this.unit = new UnitDirectories("floor/0", dir, Files.createDirectories(root.resolve("floor-machine")));
			this.env = Map.of("JUJU_CONTEXT_ID", "floor", "JUJU_DISPATCH_PATH", "hooks/floor", "JUJU_UNIT_NAME",
					"floor/0", "JUJU_CHARM_DIR", dir.toString());
		}

		HookMeasurement run() throws IOException {
			this.processes.execute(this.unit, this.env, (call) -> ToolResult.ok(""));
			return this.runs.get(this.runs.size() - 1);
		}

		@Override
		public void close() {
			this.processes.close();
		}
	}

	private void print(Path javaHome, List<HookMeasurement> floor) {
		long floorWall = HookMeasurement.wallNanos(floor, 50);
		long floorCpu = HookMeasurement.cpuNanos(floor, 50);
		System.out.printf(Locale.ROOT, "%nJava: %s (%s), %d cores; %d counted runs per hook after %d warm-up runs%n",
				javaHome, javaVersion(javaHome), Runtime.getRuntime().availableProcessors(), this.runs, this.warmup);
		System.out.printf(Locale.ROOT, "%-26s %9s %9s %9s %10s %6s %6s %6s%n", "hook", "wall p50", "wall p95", "CPU p50",
				"peak RSS", "tools", "x wall", "x CPU");
		row("JVM floor (empty main)", floor, floorWall, floorCpu);
		this.counted.forEach((hook, runs) -> row(hook, runs, floorWall, floorCpu));
		System.out.println("x wall, x CPU: the hook's median over the JVM floor's, comparable across machines");
	}

	private static void row(String name, List<HookMeasurement> runs, long floorWall, long floorCpu) {
		long wall = HookMeasurement.wallNanos(runs, 50);
		long p95 = HookMeasurement.wallNanos(runs, 95);
		long cpu = HookMeasurement.cpuNanos(runs, 50);
		long rss = runs.stream().mapToLong(HookMeasurement::maxRssKilobytes).max().orElse(-1);
		long tools = runs.stream().mapToLong(HookMeasurement::toolCalls).max().orElse(0);
		System.out.printf(Locale.ROOT, "%-26s %6d ms %6d ms %6s ms %6s MiB %6d %6.1f %6s%n", name, wall / 1_000_000,
				p95 / 1_000_000, millisOrDash(cpu), (rss < 0) ? "-" : String.valueOf(rss / 1024), tools,
				(double) wall / floorWall, ratio(cpu, floorCpu, "%.1f"));
	}

	/** Milliseconds, or "-" for a CPU time that was not measured (-1). */
	private static String millisOrDash(long nanos) {
		return (nanos < 0) ? "-" : String.valueOf(nanos / 1_000_000);
	}

	/** A ratio, or "-" when either CPU time was not measured. */
	private static String ratio(long value, long base, String format) {
		return (value < 0 || base <= 0) ? "-" : String.format(Locale.ROOT, format, (double) value / base);
	}

	/** JAVA_RUNTIME_VERSION from the runtime's release file: the hooks' Java, not this one's. */
	private static String javaVersion(Path javaHome) {
		try {
			return Files.readAllLines(javaHome.resolve("release")).stream()
				.filter((line) -> line.startsWith("JAVA_RUNTIME_VERSION="))
				.map((line) -> line.substring(line.indexOf('=') + 1).replace("\"", ""))
				.findFirst()
				.orElse("unknown version");
		}
		catch (IOException ex) {
			return "unknown version";
		}
	}

	private static String millis(Duration duration) {
		return duration.toMillis() + " ms";
	}
}
