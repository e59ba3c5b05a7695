package io.springcharm.test.juju;

/**
 * A machine reboot a hook asked for with {@code juju-reboot}.
 */
public enum Reboot {

	/** {@code juju-reboot}: reboot once the hook has succeeded; a failed hook skips it. */
	AFTER_HOOK,

	/**
	 * {@code juju-reboot --now}: Juju kills the hook at once, commits nothing it buffered,
	 * reboots, and runs the hook again from the start.
	 */
	NOW
}
