package io.springcharm.framework.tool;

/**
 * Juju refused access, for example a non-leader reading its own application data in a non-peer relation.
 */
public class PermissionDeniedException extends HookToolException {

	PermissionDeniedException(ToolCall call, int exitCode, String stderr) {
		super(call, exitCode, stderr);
	}
}
