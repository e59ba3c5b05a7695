package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <storage>-storage-detaching}: the storage is about to go away.
 *
 * @param hook the hook being run
 */
public record StorageDetachingEvent(Hook hook) implements StorageEvent {
}
