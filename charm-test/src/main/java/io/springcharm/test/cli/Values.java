package io.springcharm.test.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.springcharm.framework.metadata.ActionSpec;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.metadata.ConfigOption;

/**
 * Turns {@code key=value} text from the command line into typed values, by the types the
 * charm declares, as {@code juju config} and {@code juju run} do.
 */
final class Values {

	private Values() {
	}

	/**
	 * Config values typed by config.yaml; options it does not declare stay text (the
	 * model rejects them with a clear message).
	 */
	static Map<String, Object> config(CharmMetadata metadata, Map<String, String> text) {
		Map<String, Object> values = new LinkedHashMap<>();
		text.forEach((key, value) -> {
			ConfigOption option = metadata.options().get(key);
			values.put(key, (option != null) ? typed(key, option.type().yamlName(), value) : value);
		});
		return values;
	}

	/** Action parameters typed by the JSON schema in actions.yaml. */
	static Map<String, Object> params(CharmMetadata metadata, String action, Map<String, String> text) {
		ActionSpec spec = metadata.actions().get(action);
		Map<String, Object> values = new LinkedHashMap<>();
		text.forEach((key, value) -> {
			Object schema = (spec != null) ? spec.params().get(key) : null;
			Object type = (schema instanceof Map<?, ?> map) ? map.get("type") : null;
			values.put(key, (type instanceof String name) ? typed(key, name, value) : value);
		});
		return values;
	}

	private static Object typed(String key, String type, String value) {
		try {
			return switch (type) {
				case "int", "integer" -> Long.parseLong(value.strip());
				case "float", "number" -> Double.parseDouble(value.strip());
				case "boolean" -> bool(value.strip());
				default -> value;
			};
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException("'" + key + "' must be " + type + ", got '" + value + "'", ex);
		}
	}

	private static Boolean bool(String value) {
		return switch (value.toLowerCase(Locale.ROOT)) {
			case "true", "yes", "on" -> Boolean.TRUE;
			case "false", "no", "off" -> Boolean.FALSE;
			default -> throw new IllegalArgumentException("not a boolean");
		};
	}
}
