package io.springcharm.framework.metadata;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * An option declared in config.yaml.
 *
 * @param name the option name, for example {@code password-length}
 * @param type its declared type
 * @param defaultValue its default, or {@code null} when it has none
 * @param description what it is for
 */
public record ConfigOption(String name, Type type, @Nullable Object defaultValue, String description) {

	/** The types config.yaml allows. */
	public enum Type {
		/** {@code string}. */
		STRING,
		/** {@code int}. */
		INT,
		/** {@code float}. */
		FLOAT,
		/** {@code boolean}. */
		BOOLEAN,
		/** {@code secret}: the value is a secret URI. */
		SECRET;

		static Type parse(String text, String where) {
			try {
				return valueOf(text.toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				throw new MetadataException(where + ": type '" + text
						+ "' is not one of string, int, float, boolean, secret");
			}
		}

		/** The name config.yaml uses. */
		public String yamlName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Whether a value has this option's type, as Juju's {@code config-get} returns it.
	 * @param value the value; {@code null} (unset) always matches
	 * @return whether it matches
	 */
	public boolean accepts(@Nullable Object value) {
		return switch (this.type) {
			case STRING, SECRET -> value == null || value instanceof String;
			case INT -> value == null || value instanceof Integer || value instanceof Long
					|| (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
							&& !(value instanceof Float) && !(value instanceof Double));
			case FLOAT -> value == null || value instanceof Number;
			case BOOLEAN -> value == null || value instanceof Boolean;
		};
	}
}
