package io.springcharm.framework.hook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of the Juju agent running the hook ({@code JUJU_VERSION}), with the
 * capabilities a charm asks about instead of comparing numbers itself.
 *
 * @param major major version, for example {@code 3}
 * @param minor minor version, for example {@code 6}
 * @param patch patch version, for example {@code 0}
 * @param text the version as Juju gave it, for example {@code 3.6.0} or {@code 4.0-beta1}
 */
public record JujuVersion(int major, int minor, int patch, String text) implements Comparable<JujuVersion> {

	private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:[.-]([a-z]*)(\\d+))?.*");

	/** Used when {@code JUJU_VERSION} is absent (restricted hooks); assumed to be Juju 3.6. */
	public static final JujuVersion UNKNOWN = new JujuVersion(3, 6, 0, "");

	/**
	 * Parses a Juju version such as {@code 3.6.1}, {@code 2.9-rc3} or {@code 4.0.0.1}.
	 * @param text the version text; blank means {@link #UNKNOWN}
	 * @return the version
	 */
	public static JujuVersion parse(String text) {
		if (text == null || text.isBlank()) {
			return UNKNOWN;
		}
		Matcher m = VERSION.matcher(text.trim());
		if (!m.matches()) {
			throw new IllegalArgumentException("'JUJU_VERSION' is not a Juju version: '" + text + "'");
		}
		int patch = (m.group(4) != null && m.group(3).isEmpty()) ? Integer.parseInt(m.group(4)) : 0;
		return new JujuVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), patch, text.trim());
	}

	/** Whether {@code leader-get}/{@code leader-set} exist: removed in Juju 4.0. */
	public boolean hasLeaderSettings() {
		return this.major < 4;
	}

	/** Whether {@code dispatch} and {@code JUJU_DISPATCH_PATH} are supported (Juju 2.8). */
	public boolean isDispatchAware() {
		return compareTo(new JujuVersion(2, 8, 0, "2.8.0")) >= 0;
	}

	/** Whether secrets tools and hooks exist (Juju 3.0.3 for stable semantics). */
	public boolean hasSecrets() {
		return compareTo(new JujuVersion(3, 0, 3, "3.0.3")) >= 0;
	}

	@Override
	public int compareTo(JujuVersion other) {
		int c = Integer.compare(this.major, other.major);
		if (c == 0) {
			c = Integer.compare(this.minor, other.minor);
		}
		return (c != 0) ? c : Integer.compare(this.patch, other.patch);
	}

	@Override
	public String toString() {
		return this.text.isEmpty() ? this.major + "." + this.minor + "." + this.patch : this.text;
	}
}
