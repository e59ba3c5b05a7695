package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <container>-pebble-custom-notice} (Juju 3.4 and later).
 *
 * @param hook the hook being run
 */
public record PebbleCustomNoticeEvent(Hook hook) implements WorkloadEvent {
}
