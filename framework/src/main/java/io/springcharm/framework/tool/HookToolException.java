package io.springcharm.framework.tool;

import java.util.List;

/**
 * A hook tool failed: it exited non-zero or could not be run. The message names the tool,
 * its arguments with secret values redacted, the exit code and Juju's error text.
 * Subclasses mark the failures a charm typically handles.
 */
public class HookToolException extends RuntimeException {

	private final String tool;

	private final List<String> args;

	private final int exitCode;

	private final String stderr;

	/**
	 * @param call the failed call
	 * @param exitCode its exit code, or -1 when it could not be run
	 * @param stderr what it printed on standard error (secret values are removed here)
	 */
	public HookToolException(ToolCall call, int exitCode, String stderr) {
		this(call.tool(), call.redactedArgs(), exitCode, redact(call, stderr));
	}

	/**
	 * A refusal made before any tool ran, for example a write that Juju would reject.
	 * @param tool the tool that was not called
	 * @param message what is wrong and what to do
	 */
	protected HookToolException(String tool, String message) {
		this(tool, List.of(), -1, message);
	}

	private HookToolException(String tool, List<String> args, int exitCode, String stderr) {
		super(message(tool, args, exitCode, stderr));
		this.tool = tool;
		this.args = args;
		this.exitCode = exitCode;
		this.stderr = stderr;
	}

	/** The tool, for example {@code relation-get}. */
	public String tool() {
		return this.tool;
	}

	/** Its arguments, secret values replaced by {@value ToolCall#REDACTED}. */
	public List<String> args() {
		return this.args;
	}

	/**
	 * Its exit code: 2 for bad usage, 1 for other failures, 0 when it succeeded but printed
	 * something unusable, -1 when it did not run.
	 */
	public int exitCode() {
		return this.exitCode;
	}

	/** What it printed on standard error, or why it did not run. */
	public String stderr() {
		return this.stderr;
	}

	/**
	 * Maps a failed call to the most specific exception, the one place that reads Juju's
	 * error texts.
	 * @param call the call
	 * @param result its non-zero result
	 * @return the exception to throw
	 */
	public static HookToolException of(ToolCall call, ToolResult result) {
		String err = result.stderr();
		if (err.contains("relation not found")) {
			return new RelationNotFoundException(call, result.exitCode(), err);
		}
		if (err.contains("not the leader") || err.contains("cannot write relation settings")) {
			return new NotLeaderException(call, result.exitCode(), err);
		}
		if (call.tool().startsWith("secret-") && err.contains("not found")) {
			return new SecretNotFoundException(call, result.exitCode(), err);
		}
		if (err.contains("permission denied")) {
			return new PermissionDeniedException(call, result.exitCode(), err);
		}
		return new HookToolException(call, result.exitCode(), err);
	}

	private static String message(String tool, List<String> args, int exitCode, String stderr) {
		String command = args.isEmpty() ? tool : tool + " " + String.join(" ", args);
		String detail = stderr.strip();
		if (exitCode <= 0) {
			// -1: the tool did not run; 0: it ran but its output was unusable.
			return command + ": " + detail;
		}
		return command + " failed with exit code " + exitCode + (detail.isEmpty() ? "" : ": " + detail);
	}

	private static String redact(ToolCall call, String stderr) {
		String shown = stderr;
		for (int i : call.secretArgs()) {
			String arg = call.args().get(i);
			String value = arg.substring(arg.indexOf('=') + 1);
			if (!value.isEmpty()) {
				shown = shown.replace(value, ToolCall.REDACTED);
			}
		}
		return shown;
	}
}
