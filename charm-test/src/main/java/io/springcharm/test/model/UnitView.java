package io.springcharm.test.model;

import java.nio.file.Path;

/**
 * One unit as {@code juju status} shows it.
 *
 * @param name for example {@code example-charm/0}
 * @param leader whether it leads
 * @param workloadStatus for example {@code active}; {@code error} while a hook is failed
 * @param workloadMessage the status message; {@code hook failed: "<hook>"} while failed
 * @param agentState {@code idle} or {@code error}
 * @param charmDir the unit's own charm directory
 * @param machineRoot the directory standing in for the unit machine's {@code /}
 */
public record UnitView(String name, boolean leader, String workloadStatus, String workloadMessage,
		String agentState, Path charmDir, Path machineRoot) {
}
