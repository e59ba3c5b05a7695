package io.springcharm.framework.state;

/**
 * The unit state file cannot be read or written. The hook fails; the file is never
 * silently replaced.
 */
public class UnitStateException extends RuntimeException {

	UnitStateException(String message) {
		super(message);
	}

	UnitStateException(String message, Throwable cause) {
		super(message, cause);
	}
}
