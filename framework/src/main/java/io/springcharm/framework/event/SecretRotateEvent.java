package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code secret-rotate} on the owner (the leader for application secrets) when rotation is due.
 *
 * @param hook the hook being run
 */
public record SecretRotateEvent(Hook hook) implements SecretEvent {
}
