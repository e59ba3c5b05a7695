package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <container>-pebble-ready}: the workload container's Pebble answers.
 *
 * @param hook the hook being run
 */
public record PebbleReadyEvent(Hook hook) implements WorkloadEvent {
}
