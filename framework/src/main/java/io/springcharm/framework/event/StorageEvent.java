package io.springcharm.framework.event;

/**
 * A hook about one storage instance: {@code <storage>-storage-attached|detaching}.
 */
public sealed interface StorageEvent extends HookEvent permits StorageAttachedEvent, StorageDetachingEvent {

	/** The storage instance, {@code JUJU_STORAGE_ID}, for example {@code data/0}. */
	default String storageId() {
		return hook().storage().id();
	}

	/** The mount point or device path, {@code JUJU_STORAGE_LOCATION}. */
	default String location() {
		return hook().storage().location();
	}

	/** {@code block} or {@code filesystem}, {@code JUJU_STORAGE_KIND}. */
	default String storageKind() {
		return hook().storage().kind();
	}
}
