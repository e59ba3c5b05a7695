package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code start} hook: after the first {@code config-changed}, and again after a
 * machine reboot or, on Kubernetes, a pod restart.
 *
 * @param hook the hook being run
 */
public record StartEvent(Hook hook) implements HookEvent {
}
