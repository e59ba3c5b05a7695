package io.springcharm.example;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The charm's config.yaml options, bound from {@code juju.config.*}.
 *
 * @param passwordFile {@code password-file}: where each unit stores the password
 * @param passwordLength {@code password-length}: length of a new password, 16 to 128
 */
@ConfigurationProperties("juju.config")
public record ExampleConfig(String passwordFile, int passwordLength) {

	/** Shortest allowed {@code password-length}. */
	public static final int MIN_LENGTH = 16;

	/** Longest allowed {@code password-length}. */
	public static final int MAX_LENGTH = 128;

	/** Whether {@code password-length} is within its documented range. */
	public boolean lengthValid() {
		return this.passwordLength >= MIN_LENGTH && this.passwordLength <= MAX_LENGTH;
	}
}
