package io.springcharm.test.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Reads steps: each is a little command line ({@code config a=1,b=2}, {@code run app/0
 * backup to=/tmp}) parsed by picocli, one per {@code --step} or per scenario-file line.
 */
public final class StepParser {

	private StepParser() {
	}

	/**
	 * Parses one step.
	 * @param text the step, words separated by blanks, quotes ({@code '} or {@code "})
	 * group words
	 * @return the step
	 * @throws IllegalArgumentException if it is not a step
	 */
	public static Step parse(String text) {
		List<String> words = words(text);
		if (words.isEmpty()) {
			throw new IllegalArgumentException("empty step");
		}
		CommandLine line = new CommandLine(new Steps());
		try {
			CommandLine.ParseResult result = line.parseArgs(words.toArray(String[]::new));
			if (!result.hasSubcommand()) {
				throw new IllegalArgumentException("unknown step: " + text);
			}
			return ((StepCommand) result.subcommand().commandSpec().userObject()).step();
		}
		catch (CommandLine.ParameterException ex) {
			throw new IllegalArgumentException("bad step '" + text + "': " + ex.getMessage()
					+ " (steps: config k=v[,k=v], add-unit, remove-unit UNIT, run UNIT ACTION [k=v...], "
					+ "update-status, leader UNIT, hook UNIT HOOK)");
		}
	}

	/**
	 * Reads a scenario file: one step per line; blank lines and {@code #} comments are
	 * skipped.
	 * @param file the file
	 * @return its steps in order
	 * @throws IOException if it cannot be read
	 * @throws IllegalArgumentException naming the line of a bad step
	 */
	public static List<Step> parseFile(Path file) throws IOException {
		List<Step> steps = new ArrayList<>();
		List<String> lines = Files.readAllLines(file);
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			try {
				steps.add(parse(line));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(file + ":" + (i + 1) + ": " + ex.getMessage(), ex);
			}
		}
		return steps;
	}

	static List<String> words(String text) {
		List<String> words = new ArrayList<>();
		StringBuilder word = null;
		char quote = 0;
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0) {
				if (c == quote) {
					quote = 0;
				}
				else {
					word.append(c);
				}
			}
			else if (c == '\'' || c == '"') {
				quote = c;
				word = (word != null) ? word : new StringBuilder();
			}
			else if (Character.isWhitespace(c)) {
				if (word != null) {
					words.add(word.toString());
					word = null;
				}
			}
			else {
				word = (word != null) ? word : new StringBuilder();
				word.append(c);
			}
		}
		if (quote != 0) {
			throw new IllegalArgumentException("unterminated quote in step: " + text);
		}
		if (word != null) {
			words.add(word.toString());
		}
		return words;
	}

	private interface StepCommand {

		Step step();
	}

	@Command(name = "step", subcommands = { ConfigStep.class, AddUnitStep.class, RemoveUnitStep.class, RunStep.class,
			UpdateStatusStep.class, LeaderStep.class, HookStep.class })
	static final class Steps {

	}

	@Command(name = "config")
	static final class ConfigStep implements StepCommand {

		@Parameters(arity = "1..*", split = ",", paramLabel = "KEY=VALUE")
		Map<String, String> values = new LinkedHashMap<>();

		@Override
		public Step step() {
			return new Step.Config(this.values);
		}
	}

	@Command(name = "add-unit")
	static final class AddUnitStep implements StepCommand {

		@Override
		public Step step() {
			return new Step.AddUnit();
		}
	}

	@Command(name = "remove-unit")
	static final class RemoveUnitStep implements StepCommand {

		@Parameters(index = "0", paramLabel = "UNIT")
		String unit = "";

		@Override
		public Step step() {
			return new Step.RemoveUnit(this.unit);
		}
	}

	@Command(name = "run")
	static final class RunStep implements StepCommand {

		@Parameters(index = "0", paramLabel = "UNIT")
		String unit = "";

		@Parameters(index = "1", paramLabel = "ACTION")
		String action = "";

		@Parameters(index = "2..*", arity = "0..*", paramLabel = "KEY=VALUE")
		Map<String, String> params = new LinkedHashMap<>();

		@Override
		public Step step() {
			return new Step.Run(this.unit, this.action, this.params);
		}
	}

	@Command(name = "update-status")
	static final class UpdateStatusStep implements StepCommand {

		@Override
		public Step step() {
			return new Step.UpdateStatus();
		}
	}

	@Command(name = "leader")
	static final class LeaderStep implements StepCommand {

		@Parameters(index = "0", paramLabel = "UNIT")
		String unit = "";

		@Override
		public Step step() {
			return new Step.Leader(this.unit);
		}
	}

	@Command(name = "hook")
	static final class HookStep implements StepCommand {

		@Parameters(index = "0", paramLabel = "UNIT")
		String unit = "";

		@Parameters(index = "1", paramLabel = "HOOK")
		String hook = "";

		@Override
		public Step step() {
			return new Step.Hook(this.unit, this.hook);
		}
	}
}
