package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code secret-expired} on the owner: a revision expired.
 *
 * @param hook the hook being run
 */
public record SecretExpiredEvent(Hook hook) implements SecretEvent {
}
