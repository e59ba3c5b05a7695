package io.springcharm.test.juju;

/**
 * Thrown when a successful hook's buffered changes cannot be applied, as when leadership
 * was lost before an application-bag write. Juju then treats the hook as failed.
 */
public final class CommitException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message why the commit failed; never contains data values
	 */
	public CommitException(String message) {
		super(message);
	}
}
