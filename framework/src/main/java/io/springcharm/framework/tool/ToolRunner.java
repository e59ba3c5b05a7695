package io.springcharm.framework.tool;

/**
 * Runs hook tools. The default runs each as a child process found on {@code PATH};
 * declaring another {@code ToolRunner} bean (for example charm-test's in-memory Juju)
 * replaces it for every tool.
 */
@FunctionalInterface
public interface ToolRunner {

	/**
	 * Runs one tool to completion.
	 * @param call the tool and its arguments
	 * @return its exit code and output; a non-zero exit is a result, not an exception
	 * @throws HookToolException when the tool could not be run at all
	 */
	ToolResult run(ToolCall call);
}
