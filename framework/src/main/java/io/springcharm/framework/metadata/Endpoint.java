package io.springcharm.framework.metadata;

/**
 * A relation endpoint declared in metadata.yaml.
 *
 * @param name the endpoint name, for example {@code db}
 * @param interfaceName the interface, for example {@code mysql}
 * @param role whether the charm provides, requires or peers on it
 */
public record Endpoint(String name, String interfaceName, Role role) {

	/** The section of metadata.yaml an endpoint is declared in. */
	public enum Role {
		/** {@code provides}. */
		PROVIDES,
		/** {@code requires}. */
		REQUIRES,
		/** {@code peers}: every unit of the application, one relation. */
		PEERS
	}

	/** Whether this is a peer relation. */
	public boolean isPeer() {
		return this.role == Role.PEERS;
	}
}
