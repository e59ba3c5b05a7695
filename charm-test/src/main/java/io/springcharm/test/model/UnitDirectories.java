package io.springcharm.test.model;

import java.nio.file.Path;

/**
 * Where one unit of the model lives on this host.
 *
 * @param unitName for example {@code example-charm/0}
 * @param charmDir the unit's own copy of the charm, the hook's working directory
 * @param machineRoot the directory that stands in for the unit machine's {@code /}
 * ({@code SPRING_CHARM_MACHINE_ROOT})
 */
public record UnitDirectories(String unitName, Path charmDir, Path machineRoot) {
}
