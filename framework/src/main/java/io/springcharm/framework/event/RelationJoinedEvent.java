package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <endpoint>-relation-joined}: once per remote unit that enters the relation;
 * a {@link RelationChangedEvent} for the same unit always follows.
 *
 * @param hook the hook being run
 */
public record RelationJoinedEvent(Hook hook) implements RelationEvent {
}
