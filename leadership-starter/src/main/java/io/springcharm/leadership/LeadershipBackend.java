package io.springcharm.leadership;

import java.util.Map;

/**
 * Where leader-owned settings live: Juju's leader settings ({@link LeaderSettingsBackend},
 * Juju 3 and earlier) or the application data bag of the charm's peer relation
 * ({@link PeerRelationBackend}, the only choice on Juju 4). Both hold strings only, and
 * an empty value deletes a key. {@link Leadership} adds the flags, the snapshot and the
 * events on top, the same for every back end.
 */
public interface LeadershipBackend {

	/**
	 * @return the back end's name as {@code charm.leadership.backend} spells it
	 */
	String name();

	/**
	 * @return the hook tool a write runs, named in errors
	 */
	String writeTool();

	/**
	 * @return whether the settings can be read and written in this hook
	 */
	boolean isAvailable();

	/**
	 * Reads every setting; called once per hook.
	 * @return key to value; empty when the store is not {@linkplain #isAvailable()
	 * available}
	 */
	Map<String, String> read();

	/**
	 * Refuses, before anything is changed, a value this back end could not store intact.
	 * @param key the key
	 * @param value the value, not empty
	 * @throws IllegalArgumentException naming the key, never showing the value
	 */
	default void check(String key, String value) {
	}

	/**
	 * Writes settings (leader only).
	 * @param values key to value; an empty value deletes the key
	 * @throws IllegalStateException when the store is not {@linkplain #isAvailable()
	 * available}
	 */
	void write(Map<String, String> values);
}
