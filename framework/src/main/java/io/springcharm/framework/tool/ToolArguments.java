package io.springcharm.framework.tool;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * The checks {@link HookTools} makes before calling a tool, so that Juju never receives
 * something it would reject, trim or truncate. Messages name the key, never the value,
 * because values may be secret.
 */
final class ToolArguments {

	/** Linux's limit for one argv string (MAX_ARG_STRLEN) less its terminating NUL. */
	static final int MAX_ARG_BYTES = 131071;

	/** Juju's rule for secret content keys ({@code core/secrets/secretvalue.go}). */
	private static final Pattern SECRET_KEY = Pattern.compile("[a-z](?:-?[a-z0-9]){2,}");

	private static final Pattern ACTION_KEY_SEGMENT = Pattern.compile("[a-z0-9](?:[a-z0-9-]*[a-z0-9])?");

	private static final List<String> RESERVED_ACTION_KEYS = List.of("stdout", "stdout-encoding", "stderr",
			"stderr-encoding");

	private ToolArguments() {
	}

	/**
	 * Copies a key/value map, refusing non-string keys or values (possible through raw or
	 * unchecked maps, for example from JSON) and keys Juju cannot take.
	 */
	static Map<String, String> strings(String tool, Map<?, ?> data) {
		Map<String, String> copy = new LinkedHashMap<>();
		data.forEach((key, value) -> {
			if (!(key instanceof String k)) {
				throw new IllegalArgumentException(tool + ": keys must be strings, not " + HookTools.typeName(key));
			}
			checkKey(tool, k);
			if (!(value instanceof String v)) {
				throw new IllegalArgumentException(
						tool + ": the value of '" + k + "' must be a string, not " + HookTools.typeName(value));
			}
			copy.put(k, v);
		});
		return copy;
	}

	/** Adds {@code option value} to a tool's arguments when the value is given. */
	static void addOption(List<String> args, String option, @Nullable String value) {
		if (value != null) {
			args.add(option);
			args.add(value);
		}
	}

	static void checkKey(String tool, String key) {
		if (key.isEmpty() || key.contains("=") || !JujuText.trimSpace(key).equals(key)) {
			throw new IllegalArgumentException(tool + ": key '" + key
					+ "' is not valid: keys must be non-empty, without '=' and without surrounding whitespace");
		}
	}

	/** Refuses what argv cannot carry intact: Juju trims values, and Linux caps one argument. */
	static void checkArgValue(String tool, String key, String value) {
		if (!JujuText.trimSpace(value).equals(value)) {
			throw new IllegalArgumentException(tool + ": the value of '" + key
					+ "' starts or ends with whitespace, which Juju would trim; strip it or encode it");
		}
		if (value.indexOf('\0') >= 0) {
			throw new IllegalArgumentException(tool + ": the value of '" + key + "' contains a NUL character");
		}
		int bytes = utf8Length(key + "=" + value);
		if (bytes > MAX_ARG_BYTES) {
			throw new IllegalArgumentException(tool + ": the value of '" + key + "' is " + bytes
					+ " bytes; one argument holds at most " + MAX_ARG_BYTES + " and " + tool + " has no --file option");
		}
	}

	/**
	 * Checks a positional argument: Juju reads options after positionals too, so a value
	 * starting with '-' would be taken as an option.
	 */
	static String checkPositional(String tool, String what, String value) {
		if (value.isEmpty() || value.startsWith("-")) {
			throw new IllegalArgumentException(
					tool + ": '" + what + "' must be non-empty and must not start with '-', not '" + value + "'");
		}
		return value;
	}

	static void checkActionKey(String key) {
		for (String segment : key.split("\\.", -1)) {
			if (!ACTION_KEY_SEGMENT.matcher(segment).matches()) {
				throw new IllegalArgumentException("action-set: key '" + key
						+ "' must be lowercase letters, digits and hyphens, in dot-separated parts");
			}
		}
		if (RESERVED_ACTION_KEYS.contains(key)) {
			throw new IllegalArgumentException("action-set: key '" + key + "' is reserved by Juju");
		}
	}

	static void checkSecretKey(String tool, String key) {
		if (!SECRET_KEY.matcher(key).matches()) {
			throw new IllegalArgumentException(tool + ": key '" + key
					+ "' is not valid: secret keys are at least 3 lowercase letters, digits and single hyphens, "
					+ "starting with a letter");
		}
	}

	/** Refuses an argv Linux or Java cannot pass: an argument over the size limit, or a NUL. */
	static void checkArgv(ToolCall call) {
		for (int i = 0; i < call.args().size(); i++) {
			String arg = call.args().get(i);
			if (arg.indexOf('\0') >= 0) {
				throw new IllegalArgumentException(call.tool() + ": argument " + (i + 1) + " contains a NUL character");
			}
			if (arg.length() > MAX_ARG_BYTES / 3 && utf8Length(arg) > MAX_ARG_BYTES) {
				throw new IllegalArgumentException(call.tool() + ": argument " + (i + 1) + " is " + utf8Length(arg)
						+ " bytes; one argument holds at most " + MAX_ARG_BYTES);
			}
		}
	}

	/** Flattens nested maps into dotted keys, as action-set builds them back. */
	static void flatten(String prefix, Map<?, ?> map, Map<String, String> into) {
		map.forEach((key, value) -> {
			if (!(key instanceof String k)) {
				throw new IllegalArgumentException("action-set: keys must be strings, not " + HookTools.typeName(key));
			}
			String name = prefix.isEmpty() ? k : prefix + "." + k;
			if (value instanceof Map<?, ?> nested) {
				flatten(name, nested, into);
			}
			else if (value instanceof String s) {
				into.put(name, s);
			}
			else {
				throw new IllegalArgumentException("action-set: the value of '" + name
						+ "' must be a string or a map, not " + HookTools.typeName(value));
			}
		});
	}

	/** Splits a message into parts that each fit in one argument, never inside a surrogate pair. */
	static List<String> split(String message, int maxChars) {
		List<String> parts = new ArrayList<>();
		int start = 0;
		while (message.length() - start > maxChars) {
			int end = start + maxChars;
			if (Character.isHighSurrogate(message.charAt(end - 1))) {
				end--;
			}
			parts.add(message.substring(start, end));
			start = end;
		}
		parts.add(message.substring(start));
		return parts;
	}

	static int utf8Length(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}

	static void requireNonEmpty(String tool, String what, @Nullable String value) {
		if (value == null || value.isEmpty()) {
			throw new IllegalArgumentException(tool + ": '" + what + "' must not be empty");
		}
	}
}
