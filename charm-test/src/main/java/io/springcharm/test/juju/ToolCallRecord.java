package io.springcharm.test.juju;

import io.springcharm.framework.tool.ToolCall;

/**
 * One hook-tool call as the in-memory Juju answered it.
 *
 * @param unit the calling unit, for example {@code app/0}
 * @param hook the hook or action it ran in, for example {@code config-changed}
 * @param call the call with every value redacted: {@code key=value} arguments of tools that
 * carry data, the arguments the caller marked secret, and standard input
 * @param exitCode the exit code the tool returned
 */
public record ToolCallRecord(String unit, String hook, ToolCall call, int exitCode) {

	@Override
	public String toString() {
		return this.unit + " " + this.hook + ": " + this.call + " -> " + this.exitCode;
	}
}
