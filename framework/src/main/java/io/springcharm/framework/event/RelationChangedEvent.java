package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <endpoint>-relation-changed}: after each join, and whenever a remote unit's
 * or the remote application's data changed. {@link #remoteUnit()} is {@code null} when only
 * the application data changed.
 *
 * @param hook the hook being run
 */
public record RelationChangedEvent(Hook hook) implements RelationEvent {
}
