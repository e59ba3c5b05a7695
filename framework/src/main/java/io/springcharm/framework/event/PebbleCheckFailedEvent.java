package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <container>-pebble-check-failed} (Juju 3.6 and later).
 *
 * @param hook the hook being run
 */
public record PebbleCheckFailedEvent(Hook hook) implements WorkloadEvent {
}
