package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code leader-settings-changed} hook on followers after the leader wrote
 * leader settings, and after every agent restart. Never raised on the leader. Removed in Juju 4.
 *
 * @param hook the hook being run
 */
public record LeaderSettingsChangedEvent(Hook hook) implements HookEvent {
}
