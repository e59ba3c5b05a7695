package io.springcharm.test.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.model.ActionResult;
import io.springcharm.test.model.CharmDirectories;
import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitView;
import io.springcharm.test.process.CharmArchive;
import io.springcharm.test.process.ClientKind;
import io.springcharm.test.process.HookMeasurement;
import io.springcharm.test.process.ProcessHookExecutor;
import io.springcharm.test.process.ToolInstaller;
import io.springcharm.test.process.Warmup;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code local-model deploy}: deploys a charm as N units, runs the given steps, prints
 * every hook as it ends and a status table at the end.
 */
@Command(name = "deploy", mixinStandardHelpOptions = true,
		description = "Deploy a .charm (or charm directory) as N units and run steps against it.",
		footer = { "", "STEP is one of:", "  config KEY=VALUE[,KEY=VALUE]   change config (every unit runs config-changed)",
				"  add-unit                       add a unit", "  remove-unit UNIT               remove a unit",
				"  run UNIT ACTION [KEY=VALUE...] run an action", "  update-status                  fire update-status",
				"  leader UNIT                    move leadership", "  hook UNIT HOOK                 run one hook",
				"A scenario file holds one step per line; '#' starts a comment.",
				"Exit code: 0 when no unit ends in error and every step could run, 1 otherwise." })
final class DeployCommand implements Callable<Integer> {

	@Spec
	CommandSpec spec;

	@Parameters(index = "0", paramLabel = "CHARM", description = "a .charm file or a charm directory")
	Path charm;

	@Option(names = { "-n", "--num-units" }, paramLabel = "N", defaultValue = "1", description = "units to deploy (default 1)")
	int units;

	@Option(names = "--config", paramLabel = "KEY=VALUE", description = "initial config, typed by config.yaml")
	Map<String, String> config = new LinkedHashMap<>();

	@Option(names = "--resource", paramLabel = "NAME=FILE",
			description = "a file for a resource declared in metadata.yaml, as juju deploy --resource; repeatable")
	Map<String, Path> resources = new LinkedHashMap<>();

	@Option(names = "--step", paramLabel = "STEP", description = "a step to run after deploying; repeatable")
	List<String> steps = new ArrayList<>();

	@Option(names = "--scenario", paramLabel = "FILE", description = "steps to run, one per line, before any --step")
	@Nullable Path scenario;

	@Option(names = "--timings", description = "print per-hook timings (count, median, p95, CPU, peak RSS)")
	boolean timings;

	@Option(names = "--root", paramLabel = "DIR", description = "working directory (default: a fresh temporary one)")
	@Nullable Path root;

	@Option(names = "--tmp", paramLabel = "DIR", description = "where the temporary working directory is made (default: the system's)")
	@Nullable Path tmp;

	@Option(names = "--keep", description = "keep the temporary working directory")
	boolean keep;

	@Option(names = "--quiet", description = "print only the final status (and timings)")
	boolean quiet;

	@Option(names = "--juju-version", paramLabel = "VERSION", defaultValue = "3.6.0", description = "JUJU_VERSION (default 3.6.0)")
	String jujuVersion;

	@Option(names = "--java-home", paramLabel = "DIR", description = "JAVA_HOME for hooks (default: this Java)")
	@Nullable Path javaHome;

	@Option(names = "--client", paramLabel = "KIND", description = "hook-tool client: NATIVE or PYTHON (default: NATIVE if a C compiler exists)")
	@Nullable ClientKind client;

	@Option(names = "--cache-dir", paramLabel = "DIR", description = "where compiled tools are cached (default ~/.cache/spring-charm)")
	@Nullable Path cacheDir;

	@Option(names = "--hook-timeout", paramLabel = "SECONDS", description = "kill a hook after this long (Juju has no limit; default none)")
	long hookTimeoutSeconds;

	@Override
	public Integer call() throws IOException {
		PrintWriter out = this.spec.commandLine().getOut();
		List<Step> plan = new ArrayList<>();
		try {
			if (this.scenario != null) {
				plan.addAll(StepParser.parseFile(this.scenario));
			}
			for (String step : this.steps) {
				plan.add(StepParser.parse(step));
			}
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), ex.getMessage(), ex);
		}
		if (this.units < 1) {
			throw new ParameterException(this.spec.commandLine(), "-n must be at least 1");
		}
		boolean temporary = this.root == null;
		Path workRoot = temporary
				? ((this.tmp != null) ? Files.createTempDirectory(Files.createDirectories(this.tmp), "local-model-")
						: Files.createTempDirectory("local-model-"))
				: Files.createDirectories(this.root).toAbsolutePath();
		try {
			return run(out, workRoot, plan);
		}
		finally {
			if (temporary && !this.keep) {
				CharmDirectories.deleteQuietly(workRoot);
			}
			else {
				out.println("Kept " + workRoot);
			}
		}
	}

	private int run(PrintWriter out, Path workRoot, List<Step> plan) {
		Path charmDir = CharmArchive.prepare(this.charm.toAbsolutePath(), workRoot.resolve("charm"));
		CharmMetadata metadata = CharmMetadata.load(charmDir);
		try {
			this.resources.forEach((name, file) -> JujuModel.checkResource(metadata, name, file));
		}
		catch (IllegalArgumentException ex) {
			throw new ParameterException(this.spec.commandLine(), "--resource: " + ex.getMessage(), ex);
		}
		ProcessHookExecutor.Builder executor = ProcessHookExecutor.builder()
			.root(workRoot)
			.cacheDirectory((this.cacheDir != null) ? this.cacheDir : ToolInstaller.defaultCacheDirectory())
			.listener((m) -> progress(out, m));
		if (this.javaHome != null) {
			executor.javaHome(this.javaHome);
		}
		if (this.client != null) {
			executor.client(this.client);
		}
		if (this.hookTimeoutSeconds > 0) {
			executor.hookTimeout(Duration.ofSeconds(this.hookTimeoutSeconds));
		}
		ProcessHookExecutor processes = executor.build();
		boolean stepFailed = false;
		try (LocalModel model = LocalModel.builder()
			.charmDirectory(charmDir)
			.executor(processes)
			.root(workRoot)
			.config(Values.config(metadata, this.config))
			.jujuVersion(this.jujuVersion)
			.build()) {
			if (!this.quiet) {
				out.printf("Deploying %s as %d unit(s) in %s (hook tools: %s client)%n", metadata.name(), this.units,
						workRoot, processes.tools().client().name().toLowerCase(java.util.Locale.ROOT));
			}
			this.resources.forEach((name, file) -> model.model().setResource(name, file.toAbsolutePath()));
			// Outside any hook's measured window: the in-memory Juju's one-off JVM costs.
			Warmup.run(processes, metadata, charmDir);
			model.deploy(this.units);
			for (Step step : plan) {
				if (!this.quiet) {
					out.println("== " + describe(step));
				}
				try {
					apply(out, model, metadata, step);
				}
				catch (RuntimeException ex) {
					out.println("ERROR " + describe(step) + ": " + ex.getMessage());
					stepFailed = true;
					break;
				}
			}
			out.println();
			out.print(model.statusTable());
			if (this.timings) {
				out.println();
				out.print(Timings.table(processes.measurements()));
			}
			boolean unitInError = model.units().stream().anyMatch(DeployCommand::inError);
			return (unitInError || stepFailed) ? 1 : 0;
		}
	}

	private void apply(PrintWriter out, LocalModel model, CharmMetadata metadata, Step step) {
		if (step instanceof Step.Config config) {
			model.config(Values.config(metadata, config.values()));
		}
		else if (step instanceof Step.AddUnit) {
			model.addUnit();
		}
		else if (step instanceof Step.RemoveUnit remove) {
			model.removeUnit(remove.unit());
		}
		else if (step instanceof Step.UpdateStatus) {
			model.updateStatus();
		}
		else if (step instanceof Step.Leader leader) {
			model.setLeader(leader.unit());
		}
		else if (step instanceof Step.Hook hook) {
			model.runHook(hook.unit(), hook.hook());
		}
		else if (step instanceof Step.Run run) {
			ActionResult result = model.runAction(run.unit(), run.action(),
					Values.params(metadata, run.action(), run.params()));
			out.printf("action %s on %s: %s%s%n", run.action(), run.unit(), result.status(),
					result.message().isEmpty() ? "" : " (" + result.message() + ")");
			result.logs().forEach((line) -> out.println("  log: " + line));
			result.results().forEach((key, value) -> out.println("  " + key + ": " + value));
		}
	}

	private void progress(PrintWriter out, HookMeasurement m) {
		if (this.quiet) {
			return;
		}
		String hook = (m.action() ? "action " : "") + m.hook();
		String outcome = (m.exitCode() == 0) ? "ok" : "error (exit " + m.exitCode() + ")";
		out.printf("%-20s %-32s %-16s %6d ms%n", m.unitName(), hook, outcome, m.elapsed().toMillis());
		if (m.exitCode() != 0 && m.log() != null) {
			try {
				List<String> lines = Files.readAllLines(m.log());
				int from = Math.max(0, lines.size() - 40);
				lines.subList(from, lines.size()).forEach((line) -> out.println("    | " + line));
			}
			catch (IOException ex) {
				out.println("    (cannot read " + m.log() + ": " + ex.getMessage() + ")");
			}
		}
		out.flush();
	}

	private static boolean inError(UnitView unit) {
		return "error".equals(unit.agentState()) || "error".equals(unit.workloadStatus());
	}

	static String describe(Step step) {
		if (step instanceof Step.Config config) {
			return "config " + config.values();
		}
		if (step instanceof Step.RemoveUnit remove) {
			return "remove-unit " + remove.unit();
		}
		if (step instanceof Step.Leader leader) {
			return "leader " + leader.unit();
		}
		if (step instanceof Step.Hook hook) {
			return "hook " + hook.unit() + " " + hook.hook();
		}
		if (step instanceof Step.Run run) {
			return "run " + run.unit() + " " + run.action() + (run.params().isEmpty() ? "" : " " + run.params());
		}
		return (step instanceof Step.AddUnit) ? "add-unit" : "update-status";
	}
}
