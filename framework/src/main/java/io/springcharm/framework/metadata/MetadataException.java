package io.springcharm.framework.metadata;

/**
 * metadata.yaml, config.yaml, actions.yaml or charmcraft.yaml is missing or malformed. The
 * message names the file and the field.
 */
public class MetadataException extends RuntimeException {

	MetadataException(String message) {
		super(message);
	}

	MetadataException(String message, Throwable cause) {
		super(message, cause);
	}
}
