package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code secret-remove} on the owner: a revision is no longer used by anyone.
 *
 * @param hook the hook being run
 */
public record SecretRemoveEvent(Hook hook) implements SecretEvent {
}
