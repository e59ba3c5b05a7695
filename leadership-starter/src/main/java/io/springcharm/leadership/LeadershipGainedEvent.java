package io.springcharm.leadership;

import io.springcharm.framework.hook.Hook;

/**
 * This unit is the leader and was not at the last successful hook (or this is its first
 * hook). Published after the hook's own event, before any {@link LeadershipChangedEvent} of
 * the same hook; unlike Juju's {@code leader-elected}, it is raised in whichever hook first
 * sees the new leadership.
 *
 * @param hook the hook being run
 */
public record LeadershipGainedEvent(Hook hook) {
}
