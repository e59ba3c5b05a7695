package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by a {@code leader-deposed} hook. Juju declares this hook but never runs it; the
 * leadership starter's {@code LeadershipLostEvent} fills the gap.
 *
 * @param hook the hook being run
 */
public record LeaderDeposedEvent(Hook hook) implements HookEvent {
}
