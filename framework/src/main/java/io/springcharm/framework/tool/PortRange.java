package io.springcharm.framework.tool;

import java.util.Locale;

/**
 * A port, a range of ports, or ICMP, as {@code open-port}, {@code close-port} and
 * {@code opened-ports} write them: {@code 80/tcp}, {@code 8000-8080/udp}, {@code icmp}.
 *
 * @param from the first port, 0 to 65535; -1 for ICMP
 * @param to the last port, at least {@code from}; -1 for ICMP
 * @param protocol the protocol
 */
public record PortRange(int from, int to, Protocol protocol) {

	/** The protocols Juju can open. */
	public enum Protocol {
		/** {@code tcp}, the default. */
		TCP,
		/** {@code udp}. */
		UDP,
		/** {@code icmp}, which has no ports. */
		ICMP;

		/** The name the tools use, for example {@code tcp}. */
		public String toolName() {
			return name().toLowerCase(Locale.ROOT);
		}
	}

	/**
	 * Checks the range as Juju's {@code open-port} does, so a bad range fails before any tool runs.
	 */
	public PortRange {
		if (protocol == Protocol.ICMP) {
			if (from != -1 || to != -1) {
				throw new IllegalArgumentException("'icmp' has no ports; use PortRange.icmp()");
			}
		}
		else if (from < 0 || to > 65535 || from > to) {
			throw new IllegalArgumentException(
					"port range bounds must be between 0 and 65535, first not above last, not " + from + "-" + to);
		}
	}

	/**
	 * One TCP port.
	 * @param port the port
	 * @return the range
	 */
	public static PortRange tcp(int port) {
		return new PortRange(port, port, Protocol.TCP);
	}

	/**
	 * One UDP port.
	 * @param port the port
	 * @return the range
	 */
	public static PortRange udp(int port) {
		return new PortRange(port, port, Protocol.UDP);
	}

	/**
	 * A range of ports.
	 * @param from the first port
	 * @param to the last port
	 * @param protocol TCP or UDP
	 * @return the range
	 */
	public static PortRange of(int from, int to, Protocol protocol) {
		return new PortRange(from, to, protocol);
	}

	/** ICMP. */
	public static PortRange icmp() {
		return new PortRange(-1, -1, Protocol.ICMP);
	}

	/**
	 * Reads Juju's form: {@code 80}, {@code 80/tcp}, {@code 8000-8080/udp} or {@code icmp};
	 * a missing protocol means TCP.
	 * @param text the text
	 * @return the range
	 * @throws IllegalArgumentException when it is not a port range
	 */
	public static PortRange parse(String text) {
		String value = text.strip().toLowerCase(Locale.ROOT);
		if (value.equals("icmp")) {
			return icmp();
		}
		int slash = value.indexOf('/');
		String ports = (slash < 0) ? value : value.substring(0, slash);
		Protocol protocol = Protocol.TCP;
		if (slash >= 0) {
			String name = value.substring(slash + 1);
			protocol = switch (name) {
				case "tcp" -> Protocol.TCP;
				case "udp" -> Protocol.UDP;
				default -> throw new IllegalArgumentException(
						"invalid protocol '" + name + "' in '" + text + "', expected tcp or udp");
			};
		}
		int dash = ports.indexOf('-');
		try {
			int from = Integer.parseInt((dash < 0) ? ports : ports.substring(0, dash));
			int to = (dash < 0) ? from : Integer.parseInt(ports.substring(dash + 1));
			return new PortRange(from, to, protocol);
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + text + "' is not a port, port range or 'icmp'");
		}
	}

	/** The argument the tools take, for example {@code 80/tcp}, {@code 8000-8080/udp} or {@code icmp}. */
	@Override
	public String toString() {
		if (this.protocol == Protocol.ICMP) {
			return "icmp";
		}
		String ports = (this.from == this.to) ? String.valueOf(this.from) : this.from + "-" + this.to;
		return ports + "/" + this.protocol.toolName();
	}
}
