package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by {@code <storage>-storage-attached}: the storage is ready at {@link #location()}.
 *
 * @param hook the hook being run
 */
public record StorageAttachedEvent(Hook hook) implements StorageEvent {
}
