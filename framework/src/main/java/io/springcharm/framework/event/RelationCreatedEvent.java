package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <endpoint>-relation-created}: once per relation, before any unit joins;
 * also for peer relations. {@link #remoteUnit()} is {@code null}.
 *
 * @param hook the hook being run
 */
public record RelationCreatedEvent(Hook hook) implements RelationEvent {
}
