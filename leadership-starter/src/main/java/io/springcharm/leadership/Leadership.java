package io.springcharm.leadership;

import java.util.Map;

import io.springcharm.framework.tool.NotLeaderException;
import org.jspecify.annotations.Nullable;

/**
 * Leadership as one hook sees it: whether this unit leads, and the settings only the leader
 * may write and every unit of the application may read. Registered as the bean
 * {@code leadership}, so conditions can use it:
 *
 * <pre class="code">
 * &#64;EventListener(condition = "&#64;leadership.leader and !&#64;leadership.has('admin_password')")
 * </pre>
 *
 * Leadership and the settings are read once, when the hook starts, and compared with what
 * the last successful hook saw; {@link LeadershipFlags} and {@link LeadershipChangedEvent}
 * report the difference. Values are strings; {@code null} and {@code ""} both delete.
 * Settings often hold secrets: never log their values.
 */
public interface Leadership {

	/**
	 * Whether this unit was the leader when the hook started, or {@code false} once a
	 * write of the settings was refused because it no longer is (leader-settings back end).
	 * Juju guarantees leadership for 30 seconds after the check, not for the whole hook.
	 * @return whether this unit leads
	 */
	boolean isLeader();

	/**
	 * Whether the settings can be read and written in this hook: always with leader
	 * settings; with the peer-relation back end, once the peer relation exists. Before that,
	 * the settings read as empty and writes fail.
	 * @return whether the settings store is reachable
	 */
	boolean isAvailable();

	/**
	 * One setting.
	 * @param key the key
	 * @return its value, or {@code null} when it is not set
	 */
	@Nullable String get(String key);

	/**
	 * Every setting, including this hook's own writes.
	 * @return key to value, sorted by key
	 */
	Map<String, String> getAll();

	/**
	 * Whether a setting has a value (the flag {@code leadership.set.<key>}).
	 * @param key the key
	 * @return whether it is set
	 */
	boolean has(String key);

	/**
	 * Whether a setting changed since the last successful hook, or was changed by this
	 * unit's own write in this hook (the flag {@code leadership.changed.<key>}).
	 * @param key the key
	 * @return whether it changed
	 */
	boolean isChanged(String key);

	/**
	 * Whether any setting changed (the flag {@code leadership.changed}).
	 * @return whether something changed
	 */
	boolean isChanged();

	/**
	 * Writes one setting. Leader only.
	 * @param key the key: not empty, without {@code =} or surrounding whitespace
	 * @param value the value; {@code null} or {@code ""} deletes the key
	 * @throws NotLeaderException when this unit is not the leader; nothing is written
	 */
	void set(String key, @Nullable String value);

	/**
	 * Writes several settings in one call to Juju. Leader only. Values must be strings
	 * (or {@code null} to delete); any other type is refused, not converted.
	 * @param values key to value
	 * @throws NotLeaderException when this unit is not the leader; nothing is written
	 * @throws IllegalArgumentException when a key is invalid or a value is not a string;
	 * nothing is written
	 */
	void set(Map<String, ? extends @Nullable Object> values);

	/**
	 * Deletes one setting. Leader only.
	 * @param key the key
	 * @throws NotLeaderException when this unit is not the leader; nothing is written
	 */
	void unset(String key);
}
