package io.springcharm.framework.tool;

/**
 * What a hook tool returned.
 *
 * @param exitCode the exit code: 0 success, 2 bad usage, 1 any other failure
 * @param stdout its standard output
 * @param stderr its standard error, normally one {@code ERROR <message>} line on failure
 */
public record ToolResult(int exitCode, String stdout, String stderr) {

	/**
	 * A successful result.
	 * @param stdout the output
	 * @return the result
	 */
	public static ToolResult ok(String stdout) {
		return new ToolResult(0, stdout, "");
	}

	/**
	 * A failed result in Juju's shape: one {@code ERROR} line on stderr.
	 * @param exitCode 1 for a runtime error, 2 for bad usage
	 * @param message the message after {@code ERROR}
	 * @return the result
	 */
	public static ToolResult error(int exitCode, String message) {
		return new ToolResult(exitCode, "", "ERROR " + message + "\n");
	}

	/** Whether the tool exited 0. */
	public boolean isSuccess() {
		return this.exitCode == 0;
	}
}
