package io.springcharm.test.model;

import java.util.Map;

import io.springcharm.framework.tool.ToolRunner;

/**
 * Runs one hook of one unit: in this JVM ({@link InProcessHookExecutor}) or as a real
 * {@code dispatch} process whose hook tools reach the model over a socket
 * ({@code ProcessHookExecutor}). The model decides what to run and commits or discards the
 * hook's buffered changes from the exit code.
 */
public interface HookExecutor extends AutoCloseable {

	/**
	 * Runs one hook to completion.
	 * @param unit the unit's directories
	 * @param environment the complete hook environment (Juju builds it from scratch)
	 * @param tools answers the hook's tool calls for this hook only
	 * @return how it ended
	 */
	HookExecution execute(UnitDirectories unit, Map<String, String> environment, ToolRunner tools);

	@Override
	default void close() {
	}
}
