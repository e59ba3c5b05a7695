package io.springcharm.framework.tool;

/**
 * Thrown by {@link HookTools#jujuReboot(boolean) jujuReboot(true)} once Juju has taken the
 * request: Juju is killing this hook's process to reboot the machine, and runs the hook
 * again from the start afterwards. Nothing after the call may run: none of the hook's
 * buffered changes, nor the unit state, are committed, as none would be once the process
 * is killed. Let it propagate.
 */
public final class RebootNowException extends RuntimeException {

	RebootNowException() {
		super("juju-reboot --now: Juju is killing this hook to reboot the machine and will run it again afterwards");
	}
}
