package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code remove} hook: the last hook a unit runs before it is marked dead.
 *
 * @param hook the hook being run
 */
public record RemoveEvent(Hook hook) implements HookEvent {
}
