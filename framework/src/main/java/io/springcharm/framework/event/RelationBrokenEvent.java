package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <endpoint>-relation-broken}: this unit left the relation. Never raised for
 * peer relations. {@link #remoteUnit()} is {@code null}.
 *
 * @param hook the hook being run
 */
public record RelationBrokenEvent(Hook hook) implements RelationEvent {
}
