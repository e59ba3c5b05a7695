package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code leader-elected} hook on the unit that became leader. Juju skips it if
 * leadership was lost again before it ran.
 *
 * @param hook the hook being run
 */
public record LeaderElectedEvent(Hook hook) implements HookEvent {
}
