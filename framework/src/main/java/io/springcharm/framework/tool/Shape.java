package io.springcharm.framework.tool;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The shape a tool's JSON answer must have, checked once parsed. Juju's data values are
 * strings; a number or boolean where a string belongs is taken as its text, as Juju's own
 * clients do.
 */
@FunctionalInterface
interface Shape<T> {

	/**
	 * @param value the parsed JSON value, never {@code null}
	 * @return it in this shape
	 * @throws IllegalArgumentException when it has another shape
	 */
	T of(Object value);

	static Map<String, Object> objectMap(Object value) {
		if (!(value instanceof Map<?, ?> map)) {
			throw new IllegalArgumentException("expected an object, got " + kind(value));
		}
		return HookTools.castMap(map);
	}

	static Map<String, String> stringMap(Object value) {
		Map<String, String> strings = new LinkedHashMap<>();
		objectMap(value).forEach((key, item) -> strings.put(key, (item != null) ? string(item) : null));
		return Collections.unmodifiableMap(strings);
	}

	static List<String> stringList(Object value) {
		if (!(value instanceof List<?> list)) {
			throw new IllegalArgumentException("expected an array, got " + kind(value));
		}
		List<String> strings = new ArrayList<>(list.size());
		list.forEach((item) -> strings.add(string((item != null) ? item : "null")));
		return Collections.unmodifiableList(strings);
	}

	static String string(Object value) {
		if (value instanceof String || value instanceof Number || value instanceof Boolean) {
			return value.toString();
		}
		throw new IllegalArgumentException("expected a string, got " + kind(value));
	}

	static Boolean bool(Object value) {
		if (!(value instanceof Boolean b)) {
			throw new IllegalArgumentException("expected true or false, got " + kind(value));
		}
		return b;
	}

	private static String kind(@Nullable Object value) {
		return (value instanceof Map) ? "an object" : (value instanceof List) ? "an array"
				: (value instanceof String) ? "a string" : "a " + HookTools.typeName(value);
	}
}
