package io.springcharm.framework.tool;

/**
 * The secret, its key or its revision does not exist or is not visible to this unit.
 */
public class SecretNotFoundException extends HookToolException {

	SecretNotFoundException(ToolCall call, int exitCode, String stderr) {
		super(call, exitCode, stderr);
	}
}
