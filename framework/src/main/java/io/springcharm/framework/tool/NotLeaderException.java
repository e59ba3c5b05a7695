package io.springcharm.framework.tool;

/**
 * Only the leader may do this (write leader settings or application data, set application
 * status, own application secrets), and this unit is not the leader.
 */
public class NotLeaderException extends HookToolException {

	NotLeaderException(ToolCall call, int exitCode, String stderr) {
		super(call, exitCode, stderr);
	}

	/**
	 * A refusal made before calling the tool, because this unit is known not to lead.
	 * @param tool the tool that was not called
	 * @param message what was refused and what to do instead
	 */
	public NotLeaderException(String tool, String message) {
		super(tool, message);
	}
}
