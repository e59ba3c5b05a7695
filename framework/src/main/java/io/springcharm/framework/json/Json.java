package io.springcharm.framework.json;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;

/**
 * JSON as plain Java values ({@code Map}, {@code List}, {@code String}, {@code Integer},
 * {@code Long}, {@code Double}, {@code Boolean}, {@code null}) on Jackson's streaming core.
 * Hook tools and the unit-state file only ever carry such values, and a hook is a fresh
 * JVM: Jackson's data binding would cost every hook its start-up (about a quarter of a
 * quiet hook, measured) for nothing the framework needs.
 */
public final class Json {

	private static final JsonFactory FACTORY = new JsonFactory();

	private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {

		@Override
		public PrettyPrinter getPrettyPrinter() {
			return new DefaultPrettyPrinter();
		}

		@Override
		public boolean hasPrettyPrinter() {
			return true;
		}
	};

	private Json() {
	}

	/**
	 * Parses one JSON document.
	 * @param text the JSON text
	 * @return the value: maps keep the document's key order
	 * @throws JsonException when the text is not one complete JSON value; the message says
	 * where it broke but never repeats the text, which may be secret
	 */
	public static @Nullable Object parse(String text) {
		try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), text)) {
			JsonToken first = parser.nextToken();
			if (first == null) {
				throw new JsonException("no JSON value");
			}
			Object value = read(parser, first);
			if (parser.nextToken() != null) {
				throw new JsonException("more than one JSON value" + at(parser.currentLocation()));
			}
			return value;
		}
		catch (JacksonException ex) {
			throw new JsonException("malformed or truncated JSON" + at(ex.getLocation()), ex);
		}
	}

	/**
	 * Writes a value as compact JSON.
	 * @param value plain values as {@link #parse} returns them
	 * @return the JSON text
	 */
	public static String write(@Nullable Object value) {
		return write(value, false);
	}

	/**
	 * Writes a value as indented JSON, for files people read.
	 * @param value plain values as {@link #parse} returns them
	 * @return the JSON text
	 */
	public static String writePretty(@Nullable Object value) {
		return write(value, true);
	}

	private static String write(@Nullable Object value, boolean pretty) {
		StringWriter out = new StringWriter();
		try (JsonGenerator generator = FACTORY.createGenerator(pretty ? PRETTY : ObjectWriteContext.empty(), out)) {
			write(generator, value);
		}
		return out.toString();
	}

	private static @Nullable Object read(JsonParser parser, JsonToken token) {
		switch (token) {
			case START_OBJECT -> {
				Map<String, @Nullable Object> map = new LinkedHashMap<>();
				for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
					String name = parser.currentName();
					map.put(name, read(parser, parser.nextToken()));
				}
				return map;
			}
			case START_ARRAY -> {
				List<@Nullable Object> list = new ArrayList<>();
				for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
					list.add(read(parser, t));
				}
				return list;
			}
			case VALUE_STRING -> {
				return parser.getString();
			}
			case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
				return parser.getNumberValue();
			}
			case VALUE_TRUE -> {
				return Boolean.TRUE;
			}
			case VALUE_FALSE -> {
				return Boolean.FALSE;
			}
			case VALUE_NULL -> {
				return null;
			}
			default -> throw new JsonException("unexpected " + token + at(parser.currentLocation()));
		}
	}

	private static void write(JsonGenerator generator, @Nullable Object value) {
		if (value == null) {
			generator.writeNull();
		}
		else if (value instanceof String s) {
			generator.writeString(s);
		}
		else if (value instanceof Boolean b) {
			generator.writeBoolean(b);
		}
		else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			generator.writeNumber(((Number) value).longValue());
		}
		else if (value instanceof BigInteger i) {
			generator.writeNumber(i);
		}
		else if (value instanceof BigDecimal d) {
			generator.writeNumber(d);
		}
		else if (value instanceof Number n) {
			generator.writeNumber(n.doubleValue());
		}
		else if (value instanceof Map<?, ?> map) {
			generator.writeStartObject();
			for (Map.Entry<?, ?> entry : map.entrySet()) {
				generator.writeName(String.valueOf(entry.getKey()));
				write(generator, entry.getValue());
			}
			generator.writeEndObject();
		}
		else if (value instanceof Iterable<?> items) {
			generator.writeStartArray();
			for (Object item : items) {
				write(generator, item);
			}
			generator.writeEndArray();
		}
		else {
			throw new IllegalArgumentException("Cannot write a " + value.getClass().getName() + " as JSON");
		}
	}

	private static String at(@Nullable TokenStreamLocation location) {
		return (location != null && location.getLineNr() > 0)
				? " at line " + location.getLineNr() + ", column " + location.getColumnNr() : "";
	}
}
