package io.springcharm.framework.tool;

/**
 * Text as Juju's tools treat it. Juju parses {@code key=value} arguments with Go's
 * {@code strings.TrimSpace}, whose notion of space is Unicode's White_Space property, not
 * Java's {@code Character.isWhitespace}: it trims no-break spaces (U+00A0, U+2007, U+202F)
 * and NEL (U+0085), and keeps the separators U+001C–U+001F.
 */
public final class JujuText {

	private JujuText() {
	}

	/**
	 * Whether Go's {@code unicode.IsSpace} is true for a code point.
	 * @param codePoint the code point
	 * @return whether Juju would trim it from the ends of an argument value
	 */
	public static boolean isSpace(int codePoint) {
		return switch (codePoint) {
			case '\t', '\n', 0x0B, '\f', '\r', ' ', 0x85, 0xA0, 0x1680, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000 -> true;
			default -> codePoint >= 0x2000 && codePoint <= 0x200A;
		};
	}

	/**
	 * Trims as Go's {@code strings.TrimSpace} does.
	 * @param text the text
	 * @return it without leading and trailing space
	 */
	public static String trimSpace(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && isSpace(text.codePointAt(start))) {
			start += Character.charCount(text.codePointAt(start));
		}
		while (end > start && isSpace(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		return text.substring(start, end);
	}
}
