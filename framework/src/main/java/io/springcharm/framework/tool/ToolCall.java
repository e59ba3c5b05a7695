package io.springcharm.framework.tool;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * One hook-tool invocation: the tool's name and its argv, never a shell command line.
 *
 * @param tool the tool, for example {@code relation-get}
 * @param args the arguments after the tool name
 * @param stdin what to feed the tool's standard input ({@code --file -}), or {@code null}
 * to give it none
 * @param secretArgs indexes into {@code args} whose values must never be shown; for a
 * {@code key=value} argument only the value is hidden
 */
public record ToolCall(String tool, List<String> args, @Nullable String stdin, Set<Integer> secretArgs) {

	/** Shown instead of a secret value. */
	public static final String REDACTED = "<redacted>";

	public ToolCall {
		args = List.copyOf(args);
		secretArgs = Set.copyOf(secretArgs);
	}

	/**
	 * A call with nothing secret and no standard input.
	 * @param tool the tool name
	 * @param args its arguments
	 * @return the call
	 */
	public static ToolCall of(String tool, String... args) {
		return new ToolCall(tool, List.of(args), null, Set.of());
	}

	/** The argv to execute: the tool name followed by its arguments. */
	public List<String> command() {
		List<String> command = new ArrayList<>(this.args.size() + 1);
		command.add(this.tool);
		command.addAll(this.args);
		return command;
	}

	/** The arguments as they may be logged: secret values replaced by {@value #REDACTED}. */
	public List<String> redactedArgs() {
		List<String> shown = new ArrayList<>(this.args.size());
		for (int i = 0; i < this.args.size(); i++) {
			String arg = this.args.get(i);
			if (this.secretArgs.contains(i)) {
				int eq = arg.indexOf('=');
				arg = (eq > 0) ? arg.substring(0, eq + 1) + REDACTED : REDACTED;
			}
			shown.add(arg);
		}
		return shown;
	}

	@Override
	public String toString() {
		return this.tool + " " + String.join(" ", redactedArgs());
	}
}
