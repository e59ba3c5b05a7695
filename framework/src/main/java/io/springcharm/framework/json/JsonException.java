package io.springcharm.framework.json;

/**
 * Text is not the JSON expected. The message says what and where, never the text itself.
 */
public class JsonException extends IllegalArgumentException {

	JsonException(String message) {
		super(message);
	}

	JsonException(String message, Throwable cause) {
		super(message, cause);
	}
}
