package io.springcharm.framework.event;

import org.jspecify.annotations.Nullable;

/**
 * A hook about one secret: {@code secret-changed|rotate|remove|expired} (Juju 3.0.3 and later).
 */
public sealed interface SecretEvent extends HookEvent
		permits SecretChangedEvent, SecretRotateEvent, SecretRemoveEvent, SecretExpiredEvent {

	/** The secret URI, {@code JUJU_SECRET_ID}. */
	default String secretId() {
		return hook().secret().id();
	}

	/** The secret's label, {@code JUJU_SECRET_LABEL}; may be empty. */
	default String label() {
		return hook().secret().label();
	}

	/** {@code JUJU_SECRET_REVISION}: set for secret-remove and secret-expired only. */
	default @Nullable Integer revision() {
		return hook().secret().revision();
	}
}
