package io.springcharm.test.juju;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.Yaml;
import io.springcharm.framework.json.Json;

/** Juju's formatters: smart (the default), yaml and json. */
final class Output {

	static final String SMART = "smart";

	static final String YAML = "yaml";

	static final String JSON = "json";

	private Output() {
	}

	/**
	 * Checks a {@code --format} value.
	 * @param format the value given, or {@code null}
	 * @param defaultFormat the tool's default
	 * @param smart whether the tool offers smart
	 */
	static String format(@Nullable String format, String defaultFormat, boolean smart) throws ToolError {
		if (format == null) {
			return defaultFormat;
		}
		if (format.equals(JSON) || format.equals(YAML) || (smart && format.equals(SMART))) {
			return format;
		}
		throw ToolError.usage("invalid value " + ToolArgs.quote(format) + " for option --format: unknown format "
				+ ToolArgs.quote(format));
	}

	static String render(@Nullable Object value, String format) {
		Object sorted = sorted(value);
		switch (format) {
			case JSON:
				return Json.write(sorted) + "\n";
			case YAML:
				return yaml(sorted);
			default:
				return smart(sorted);
		}
	}

	private static String smart(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof String s) {
			return s.isEmpty() ? "" : s + "\n";
		}
		if (value instanceof Boolean b) {
			return b ? "True\n" : "False\n";
		}
		if (value instanceof Number) {
			return value + "\n";
		}
		if (value instanceof List<?> list) {
			StringBuilder out = new StringBuilder();
			list.forEach((item) -> out.append(item).append('\n'));
			return out.toString();
		}
		return yaml(value);
	}

	private static String yaml(@Nullable Object value) {
		if (value == null) {
			return "";
		}
		if (value instanceof Map<?, ?> map && map.isEmpty()) {
			return "{}\n";
		}
		if (value instanceof List<?> list && list.isEmpty()) {
			return "[]\n";
		}
		DumperOptions options = new DumperOptions();
		options.setDefaultFlowStyle(DumperOptions.FlowStyle.BLOCK);
		options.setIndicatorIndent(0);
		return new Yaml(options).dump(value).stripTrailing() + "\n";
	}

	/** Copies maps into sorted maps, recursively, so that every format prints keys sorted. */
	static @Nullable Object sorted(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			Map<String, @Nullable Object> copy = new TreeMap<>();
			map.forEach((k, v) -> copy.put(String.valueOf(k), sorted(v)));
			return copy;
		}
		if (value instanceof List<?> list) {
			List<@Nullable Object> copy = new ArrayList<>();
			list.forEach((v) -> copy.add(sorted(v)));
			return copy;
		}
		return value;
	}
}
