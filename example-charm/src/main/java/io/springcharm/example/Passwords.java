package io.springcharm.example;

import java.security.SecureRandom;

/**
 * Generates admin passwords from {@link #ALPHABET}: ASCII letters and digits, which need
 * no quoting in a shell, a URL or a config file. 62 symbols give 5.95 bits each, so the
 * default 32 characters carry about 190 bits.
 */
final class Passwords {

	/** The characters a password is drawn from. */
	static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

	private static final SecureRandom RANDOM = new SecureRandom();

	private Passwords() {
	}

	static String generate(int length) {
		StringBuilder password = new StringBuilder(length);
		for (int i = 0; i < length; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return password.toString();
	}
}
