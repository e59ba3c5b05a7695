package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code update-status} hook: a timer (5 minutes by default) fired and no other
 * hook ran since. Keep handlers of this event cheap: it runs on every unit, forever.
 *
 * @param hook the hook being run
 */
public record UpdateStatusEvent(Hook hook) implements HookEvent {
}
