package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code secret-changed} on consumers: a new revision of a consumed secret exists.
 *
 * @param hook the hook being run
 */
public record SecretChangedEvent(Hook hook) implements SecretEvent {
}
