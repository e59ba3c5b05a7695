package io.springcharm.framework.tool;

import java.util.ArrayList;
import java.util.List;

/**
 * One entry of {@code opened-ports}.
 *
 * @param range the port, range or ICMP
 * @param endpoints the endpoints it is open for, asked with {@code --endpoints}: {@code [*]}
 * for every endpoint; empty when not asked
 */
public record OpenedPort(PortRange range, List<String> endpoints) {

	/** The endpoint list Juju prints for a range open on every endpoint. */
	public static final String ALL_ENDPOINTS = "*";

	public OpenedPort {
		endpoints = List.copyOf(endpoints);
	}

	/**
	 * Reads one line of {@code opened-ports} output, for example {@code 80/tcp},
	 * {@code 80/tcp (*)} or {@code 443/tcp (ep1, ep2)}.
	 * @param entry the entry
	 * @return the opened port
	 */
	static OpenedPort parse(String entry) {
		String text = entry.strip();
		int open = text.indexOf(" (");
		if (open < 0 || !text.endsWith(")")) {
			return new OpenedPort(PortRange.parse(text), List.of());
		}
		List<String> endpoints = new ArrayList<>();
		for (String endpoint : text.substring(open + 2, text.length() - 1).split(",")) {
			if (!endpoint.isBlank()) {
				endpoints.add(endpoint.strip());
			}
		}
		return new OpenedPort(PortRange.parse(text.substring(0, open)), endpoints);
	}

	/** Whether the range is open for every endpoint. */
	public boolean isOpenOnAllEndpoints() {
		return this.endpoints.contains(ALL_ENDPOINTS);
	}
}
