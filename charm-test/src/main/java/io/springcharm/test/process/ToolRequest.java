package io.springcharm.test.process;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One hook-tool call as the client sent it.
 *
 * @param contextId the caller's {@code JUJU_CONTEXT_ID}
 * @param cwd the caller's working directory, empty if it could not tell
 * @param tool the tool name, the basename the client was invoked as
 * @param args the arguments after the tool name
 * @param stdin everything the caller had on standard input when it asked for
 * {@code --file -}, otherwise {@code null}
 */
public record ToolRequest(String contextId, String cwd, String tool, List<String> args, byte @Nullable [] stdin) {

	public ToolRequest {
		args = List.copyOf(args);
	}
}
