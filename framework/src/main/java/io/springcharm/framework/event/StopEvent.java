package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code stop} hook: the unit is being removed (after its relations were torn
 * down) or its agent is shutting down.
 *
 * @param hook the hook being run
 */
public record StopEvent(Hook hook) implements HookEvent {
}
