package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code install} hook: the first hook a unit runs, once the charm is on disk
 * (after any initial {@code <storage>-storage-attached} on machines).
 *
 * @param hook the hook being run
 */
public record InstallEvent(Hook hook) implements HookEvent {
}
