package io.springcharm.test.juju;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * An opened port range, ordered by protocol (tcp, udp, icmp) then port.
 *
 * @param from the first port (0 for icmp)
 * @param to the last port (0 for icmp)
 * @param protocol {@code tcp}, {@code udp} or {@code icmp}
 */
record PortRange(int from, int to, String protocol) implements Comparable<PortRange> {

	private static final List<String> PROTOCOLS = List.of("tcp", "udp", "icmp");

	private static final Comparator<PortRange> ORDER = Comparator
		.comparingInt((PortRange p) -> PROTOCOLS.indexOf(p.protocol()))
		.thenComparingInt(PortRange::from)
		.thenComparingInt(PortRange::to);

	/** Parses {@code 80}, {@code 80/udp}, {@code 8000-8080/tcp} or {@code icmp} with Juju's messages. */
	static PortRange parse(String text) throws ToolError {
		String spec = text.toLowerCase(Locale.ROOT);
		if (spec.equals("icmp")) {
			return new PortRange(0, 0, "icmp");
		}
		String protocol = "tcp";
		int slash = spec.indexOf('/');
		String ports = spec;
		if (slash >= 0) {
			protocol = spec.substring(slash + 1);
			ports = spec.substring(0, slash);
			if (!PROTOCOLS.contains(protocol)) {
				throw ToolError.usage("invalid protocol \"" + protocol + "\", expected \"tcp\", \"udp\", or \"icmp\"");
			}
		}
		int dash = ports.indexOf('-');
		int from = number((dash >= 0) ? ports.substring(0, dash) : ports);
		int to = (dash >= 0) ? number(ports.substring(dash + 1)) : from;
		if (from > to) {
			throw ToolError.usage("invalid port range " + from + "-" + to + "/" + protocol);
		}
		if (from < 0 || to > 65535) {
			throw ToolError.usage("port range bounds must be between 0 and 65535, got " + from + "-" + to);
		}
		return new PortRange(from, to, protocol);
	}

	private static int number(String text) throws ToolError {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw ToolError.usage("invalid port \"" + text + "\": strconv.Atoi: parsing \"" + text + "\": invalid syntax");
		}
	}

	@Override
	public int compareTo(PortRange other) {
		return ORDER.compare(this, other);
	}

	@Override
	public String toString() {
		if (this.protocol.equals("icmp")) {
			return "icmp";
		}
		return ((this.from == this.to) ? String.valueOf(this.from) : this.from + "-" + this.to) + "/" + this.protocol;
	}
}
