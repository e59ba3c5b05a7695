package io.springcharm.test.scenario;

/**
 * A workload status.
 *
 * @param status for example {@code active}
 * @param message the message, possibly empty
 */
public record Status(String status, String message) {

	/** Juju's status for a unit whose charm never set one. */
	public static final Status UNKNOWN = new Status("unknown", "");

	/**
	 * @param message the message
	 * @return {@code active} with that message
	 */
	public static Status active(String message) {
		return new Status("active", message);
	}

	/**
	 * @param message the message
	 * @return {@code blocked} with that message
	 */
	public static Status blocked(String message) {
		return new Status("blocked", message);
	}

	/**
	 * @param message the message
	 * @return {@code waiting} with that message
	 */
	public static Status waiting(String message) {
		return new Status("waiting", message);
	}

	/**
	 * @param message the message
	 * @return {@code maintenance} with that message
	 */
	public static Status maintenance(String message) {
		return new Status("maintenance", message);
	}
}
