package io.springcharm.framework.state;

import java.util.Arrays;
import java.util.Set;

/**
 * Named boolean flags kept in {@link UnitState}: set in one hook, still set in the next,
 * committed only when the hook succeeds. Registered as the bean {@code flags}, so
 * conditions can read them: {@code @EventListener(condition = "@flags.isSet('db.ready')")}.
 */
public final class Flags {

	private final UnitState state;

	/**
	 * @param state where the flags are kept
	 */
	public Flags(UnitState state) {
		this.state = state;
	}

	/**
	 * @param flag the flag name
	 * @return whether it is set
	 */
	public boolean isSet(String flag) {
		return this.state.flags().contains(flag);
	}

	/**
	 * @param flags flag names
	 * @return whether every one is set
	 */
	public boolean allSet(String... flags) {
		return Arrays.stream(flags).allMatch(this::isSet);
	}

	/**
	 * @param flags flag names
	 * @return whether at least one is set
	 */
	public boolean anySet(String... flags) {
		return Arrays.stream(flags).anyMatch(this::isSet);
	}

	/**
	 * Sets a flag.
	 * @param flag the flag name
	 */
	public void set(String flag) {
		if (flag.isEmpty()) {
			throw new IllegalArgumentException("'flag' must not be empty");
		}
		this.state.flags().add(flag);
	}

	/**
	 * Clears a flag; clearing one that is not set does nothing.
	 * @param flag the flag name
	 */
	public void clear(String flag) {
		this.state.flags().remove(flag);
	}

	/**
	 * Sets or clears a flag.
	 * @param flag the flag name
	 * @param on whether it should be set
	 */
	public void toggle(String flag, boolean on) {
		if (on) {
			set(flag);
		}
		else {
			clear(flag);
		}
	}

	/**
	 * Clears every flag whose name starts with a prefix.
	 * @param prefix for example {@code leadership.changed.}
	 */
	public void clearAll(String prefix) {
		this.state.flags().removeIf((flag) -> flag.startsWith(prefix));
	}

	/** The flags that are set, sorted. */
	public Set<String> all() {
		return this.state.flagNames();
	}

	@Override
	public String toString() {
		return all().toString();
	}
}
