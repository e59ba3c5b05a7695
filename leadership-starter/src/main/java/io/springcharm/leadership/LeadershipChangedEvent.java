package io.springcharm.leadership;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * Leader-owned settings changed. Published after the hook's own event when the settings
 * differ from what the last successful hook on this unit saw (so on followers in whatever
 * hook runs next, and again after a failed hook), and on the leader synchronously from
 * inside {@link Leadership#set} each time it changes a value, so handlers that react to a
 * change also run on the leader, in the same hook:
 *
 * <pre class="code">
 * &#64;EventListener(condition = "#event.changed('admin_password')")
 * void store(LeadershipChangedEvent event) { write(event.current("admin_password")); }
 * </pre>
 *
 * Delivery is at least once; handlers must be idempotent. {@link #toString()} shows keys,
 * never values.
 *
 * @param keys the keys that changed, sorted
 * @param previous every setting before the change (deleted keys absent)
 * @param current every setting after the change (deleted keys absent)
 * @param leader whether this unit is the leader
 */
public record LeadershipChangedEvent(Set<String> keys, Map<String, String> previous, Map<String, String> current,
		boolean leader) {

	public LeadershipChangedEvent {
		keys = Collections.unmodifiableSortedSet(new TreeSet<>(keys));
		previous = Collections.unmodifiableSortedMap(new TreeMap<>(previous));
		current = Collections.unmodifiableSortedMap(new TreeMap<>(current));
	}

	/**
	 * @param key a key
	 * @return whether it is among the changed keys
	 */
	public boolean changed(String key) {
		return this.keys.contains(key);
	}

	/**
	 * @param key a key
	 * @return its value after the change, or {@code null} when it is not set (deleted)
	 */
	public @Nullable String current(String key) {
		return this.current.get(key);
	}

	/**
	 * @param key a key
	 * @return its value before the change, or {@code null} when it was not set
	 */
	public @Nullable String previous(String key) {
		return this.previous.get(key);
	}

	@Override
	public String toString() {
		return "LeadershipChangedEvent[keys=" + this.keys + ", leader=" + this.leader + "]";
	}
}
