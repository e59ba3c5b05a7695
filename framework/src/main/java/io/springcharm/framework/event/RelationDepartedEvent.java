package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <endpoint>-relation-departed}: a remote unit left. It is no longer in
 * {@code relation-list} but its data can still be read. {@link #departingUnit()} is the
 * local unit itself when this unit is the one being removed.
 *
 * @param hook the hook being run
 */
public record RelationDepartedEvent(Hook hook) implements RelationEvent {
}
