package io.springcharm.test.juju;

import io.springcharm.framework.tool.ToolResult;

/** A tool failure in Juju's shape: exit 2 for bad usage, 1 for a runtime error. */
final class ToolError extends Exception {

	private static final long serialVersionUID = 1L;

	private final int exitCode;

	private ToolError(int exitCode, String message) {
		super(message, null, false, false);
		this.exitCode = exitCode;
	}

	static ToolError usage(String message) {
		return new ToolError(2, message);
	}

	static ToolError failure(String message) {
		return new ToolError(1, message);
	}

	ToolResult result() {
		return ToolResult.error(this.exitCode, getMessage());
	}
}
