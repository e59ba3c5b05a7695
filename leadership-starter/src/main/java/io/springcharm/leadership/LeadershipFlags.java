package io.springcharm.leadership;

/**
 * The names of the flags the leadership starter keeps, readable through the {@code flags}
 * bean, for example {@code @EventListener(condition =
 * "@flags.isSet('leadership.changed.admin_password')")}.
 * <ul>
 * <li>{@value #IS_LEADER}: set when {@code is-leader} said yes at hook start.</li>
 * <li>{@code leadership.set.<key>}: set while the setting has a value.</li>
 * <li>{@code leadership.changed.<key>}: set when the setting differs from what the last
 * successful hook saw, or the leader changed it in this hook; recomputed (normally
 * cleared) at the start of every hook.</li>
 * <li>{@value #CHANGED}: set when any setting changed, recomputed likewise.</li>
 * </ul>
 * None is evaluated in restricted hooks ({@code collect-metrics},
 * {@code meter-status-changed}): there they keep what the last hook left.
 */
public final class LeadershipFlags {

	/** Set while this unit is the leader. */
	public static final String IS_LEADER = "leadership.is_leader";

	/** Set when any setting changed. */
	public static final String CHANGED = "leadership.changed";

	private LeadershipFlags() {
	}

	/**
	 * @param key a setting's key
	 * @return the name of the flag set while it has a value
	 */
	public static String set(String key) {
		return "leadership.set." + key;
	}

	/**
	 * @param key a setting's key
	 * @return the name of the flag set when it changed
	 */
	public static String changed(String key) {
		return "leadership.changed." + key;
	}
}
