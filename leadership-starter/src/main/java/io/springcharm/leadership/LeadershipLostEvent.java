package io.springcharm.leadership;

import io.springcharm.framework.hook.Hook;

/**
 * This unit is not the leader but was at the last successful hook. Juju runs no hook when a
 * unit loses leadership, so this arrives in the unit's next hook of any kind. Published
 * after the hook's own event, before any {@link LeadershipChangedEvent} of the same hook.
 *
 * @param hook the hook being run
 */
public record LeadershipLostEvent(Hook hook) {
}
