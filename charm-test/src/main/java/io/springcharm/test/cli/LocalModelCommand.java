package io.springcharm.test.cli;

import java.io.PrintWriter;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code local-model}: the main of {@code charm-test/target/local-model.jar}.
 *
 * <pre>
 * java -jar charm-test/target/local-model.jar deploy CHARM -n N [--config k=v]...
 *     [--step STEP]... [--scenario FILE] [--timings] [--root DIR] [--keep] [--quiet]
 * </pre>
 */
@Command(name = "local-model", mixinStandardHelpOptions = true, subcommands = DeployCommand.class,
		description = "Runs a charm on this host: N units, every hook a real dispatch process, "
				+ "hook tools backed by an in-memory Juju.")
public final class LocalModelCommand implements Runnable {

	@Spec
	CommandSpec spec;

	@Override
	public void run() {
		throw new CommandLine.ParameterException(this.spec.commandLine(), "missing command: deploy");
	}

	/**
	 * Runs the command line and exits with its code.
	 * @param args the arguments
	 */
	public static void main(String[] args) {
		System.exit(execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
	}

	/**
	 * Runs the command line.
	 * @param out where results go
	 * @param err where usage errors go
	 * @param args the arguments
	 * @return the exit code: 0 when every unit ended without error, 1 otherwise, 2 for bad
	 * usage
	 */
	public static int execute(PrintWriter out, PrintWriter err, String... args) {
		CommandLine line = new CommandLine(new LocalModelCommand());
		line.setOut(out);
		line.setErr(err);
		// A charm or step that cannot be used is the user's input, not a crash: one line.
		line.setExecutionExceptionHandler((ex, cmd, parsed) -> {
			cmd.getErr().println("ERROR " + ex.getMessage());
			return 1;
		});
		int code = line.execute(args);
		out.flush();
		err.flush();
		return code;
	}
}
