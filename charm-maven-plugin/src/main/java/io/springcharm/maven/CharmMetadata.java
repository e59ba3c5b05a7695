package io.springcharm.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads what packaging needs from a charm's {@code metadata.yaml}: its {@code name}, which
 * names the {@code .charm} file. Only the top-level {@code name:} line is read, so the
 * plugin needs no YAML parser.
 */
public final class CharmMetadata {

	private static final Pattern NAME_LINE = Pattern.compile("^name:[ \\t]*(['\"]?)([^'\"#\\s]+)\\1[ \\t]*(#.*)?$",
			Pattern.MULTILINE);

	// Juju's rule for charm and application names.
	private static final Pattern CHARM_NAME = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]*[a-z][a-z0-9]*)*");

	private CharmMetadata() {
	}

	/**
	 * Returns the charm's name.
	 * @param metadata the {@code metadata.yaml} file
	 * @return the value of its top-level {@code name}
	 * @throws IOException when the file cannot be read
	 * @throws IllegalArgumentException when it has no valid name
	 */
	public static String name(Path metadata) throws IOException {
		String yaml = Files.readString(metadata, StandardCharsets.UTF_8);
		Matcher matcher = NAME_LINE.matcher(yaml);
		if (!matcher.find()) {
			throw new IllegalArgumentException(metadata + " has no top-level 'name:' line");
		}
		String name = matcher.group(2);
		validate(name);
		return name;
	}

	/**
	 * Checks a charm name against Juju's rule.
	 * @param name the name
	 * @throws IllegalArgumentException when Juju would reject it
	 */
	public static void validate(String name) {
		if (!CHARM_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("'" + name + "' is not a valid charm name: lower-case letters, digits and "
					+ "single hyphens, starting with a letter, no segment of digits only");
		}
	}
}
