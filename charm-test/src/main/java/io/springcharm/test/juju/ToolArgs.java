package io.springcharm.test.juju;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

/**
 * Parses a tool's argv as Juju's gnuflag does: options may follow positionals, {@code --}
 * ends options, long options take {@code --opt value} or {@code --opt=value}, boolean
 * options take {@code --opt=true}.
 */
final class ToolArgs {

	private final Map<String, String> values;

	private final List<String> positionals;

	private final List<Integer> positionalIndexes;

	private ToolArgs(Map<String, String> values, List<String> positionals, List<Integer> positionalIndexes) {
		this.values = values;
		this.positionals = positionals;
		this.positionalIndexes = positionalIndexes;
	}

	/** Declares a tool's options; the first name of each is its canonical name. */
	static final class Spec {

		private final Map<String, String> canonical = new HashMap<>();

		private final Set<String> valued = new java.util.HashSet<>();

		Spec flag(String... names) {
			for (String name : names) {
				this.canonical.put(name, names[0]);
			}
			return this;
		}

		Spec value(String... names) {
			flag(names);
			this.valued.add(names[0]);
			return this;
		}

		ToolArgs parse(List<String> argv) throws ToolError {
			Map<String, String> values = new LinkedHashMap<>();
			List<String> positionals = new ArrayList<>();
			List<Integer> indexes = new ArrayList<>();
			for (int i = 0; i < argv.size(); i++) {
				String arg = argv.get(i);
				if (arg.equals("--")) {
					for (int j = i + 1; j < argv.size(); j++) {
						positionals.add(argv.get(j));
						indexes.add(j);
					}
					break;
				}
				if (!arg.startsWith("-") || arg.equals("-")) {
					positionals.add(arg);
					indexes.add(i);
					continue;
				}
				String dashes = arg.startsWith("--") ? "--" : "-";
				String body = arg.substring(dashes.length());
				int eq = body.indexOf('=');
				String name = (eq >= 0) ? body.substring(0, eq) : body;
				String shown = dashes + name;
				String key = this.canonical.get(name);
				if (key == null) {
					throw ToolError.usage("option provided but not defined: " + shown);
				}
				if (this.valued.contains(key)) {
					String value;
					if (eq >= 0) {
						value = body.substring(eq + 1);
					}
					else if (i + 1 < argv.size()) {
						value = argv.get(++i);
					}
					else {
						throw ToolError.usage("option needs an argument: " + shown);
					}
					values.put(key, value);
				}
				else {
					String text = (eq >= 0) ? body.substring(eq + 1) : "true";
					Boolean parsed = parseBool(text);
					if (parsed == null) {
						throw ToolError.usage("invalid boolean value \"" + text + "\" for " + shown);
					}
					values.put(key, parsed.toString());
				}
			}
			return new ToolArgs(values, positionals, indexes);
		}
	}

	static Spec spec() {
		return new Spec();
	}

	/** The usual output options. */
	static Spec output() {
		return new Spec().value("format").value("o", "output");
	}

	boolean flag(String name) {
		return "true".equals(this.values.get(name));
	}

	@Nullable String value(String name) {
		return this.values.get(name);
	}

	boolean has(String name) {
		return this.values.containsKey(name);
	}

	List<String> positionals() {
		return this.positionals;
	}

	@Nullable String positional(int index) {
		return (index < this.positionals.size()) ? this.positionals.get(index) : null;
	}

	/** Where positional {@code index} was in the original argv (for secret redaction). */
	int argvIndex(int index) {
		return this.positionalIndexes.get(index);
	}

	/** Positional {@code index}, or a usage error with Juju's {@code message} when it is missing. */
	String required(int index, String message) throws ToolError {
		String value = positional(index);
		if (value == null) {
			throw ToolError.usage(message);
		}
		return value;
	}

	/** Fails with Juju's text when more than {@code max} positionals were given. */
	void atMost(int max) throws ToolError {
		if (this.positionals.size() > max) {
			throw unrecognized(this.positionals.subList(max, this.positionals.size()));
		}
	}

	static ToolError unrecognized(List<String> extra) {
		return ToolError.usage("unrecognized args: ["
				+ extra.stream().map(ToolArgs::quote).collect(Collectors.joining(" ")) + "]");
	}

	static String quote(String s) {
		return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	private static @Nullable Boolean parseBool(String text) {
		return switch (text) {
			case "1", "t", "T", "TRUE", "true", "True" -> Boolean.TRUE;
			case "0", "f", "F", "FALSE", "false", "False" -> Boolean.FALSE;
			default -> null;
		};
	}
}
