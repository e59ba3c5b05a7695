package io.springcharm.framework.tool;

/**
 * The relation named with {@code -r} does not exist (any more) for this unit.
 */
public class RelationNotFoundException extends HookToolException {

	RelationNotFoundException(ToolCall call, int exitCode, String stderr) {
		super(call, exitCode, stderr);
	}
}
