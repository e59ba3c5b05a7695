package io.springcharm.test.juju;

import java.time.Instant;

/**
 * A workload or application status as Juju records it.
 *
 * @param status for example {@code active}, {@code blocked}, {@code error}
 * @param message the message, possibly empty
 * @param since when it was set
 */
public record StatusInfo(String status, String message, Instant since) {

	/**
	 * A status set now.
	 * @param status the status word
	 * @param message the message
	 * @return the status
	 */
	public static StatusInfo of(String status, String message) {
		return new StatusInfo(status, message, Instant.now());
	}

	@Override
	public String toString() {
		return this.message.isEmpty() ? this.status : this.status + ": " + this.message;
	}
}
