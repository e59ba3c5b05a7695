package io.springcharm.leadership;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.springcharm.framework.tool.HookTools;
import org.jspecify.annotations.Nullable;

/**
 * Settings kept in the application data bag of the charm's peer relation, as Juju 4
 * requires: read with {@code relation-get --app} (allowed for every unit in a peer
 * relation), written by the leader with {@code relation-set --app}. Juju commits a write
 * only when the hook succeeds, and runs {@code <peer>-relation-changed} on the other units.
 * Before the peer relation exists (in {@code install}, for example) the settings read as
 * empty and writes fail.
 */
public final class PeerRelationBackend implements LeadershipBackend {

	/** The name of this back end in {@code charm.leadership.backend}. */
	public static final String NAME = "peer-relation";

	private final HookTools tools;

	private final String appName;

	private final Supplier<List<String>> peerEndpoints;

	private final @Nullable String configuredEndpoint;

	private @Nullable String endpoint;

	/**
	 * @param tools the hook tools
	 * @param appName this unit's application, the owner of the data bag
	 * @param peerEndpoints the peer endpoints metadata.yaml declares, sorted, asked for only
	 * when the endpoint is first needed
	 * @param configuredEndpoint the peer endpoint to use, or {@code null} for the only one
	 * metadata declares
	 */
	public PeerRelationBackend(HookTools tools, String appName, Supplier<List<String>> peerEndpoints,
			@Nullable String configuredEndpoint) {
		this.tools = tools;
		this.appName = appName;
		this.peerEndpoints = peerEndpoints;
		this.configuredEndpoint = configuredEndpoint;
	}

	@Override
	public String name() {
		return NAME;
	}

	@Override
	public String writeTool() {
		return "relation-set";
	}

	/**
	 * The peer endpoint holding the settings.
	 * @return the endpoint name
	 * @throws IllegalStateException when metadata does not name exactly one usable peer
	 * endpoint
	 */
	public String endpoint() {
		if (this.endpoint == null) {
			this.endpoint = resolveEndpoint();
		}
		return this.endpoint;
	}

	@Override
	public boolean isAvailable() {
		return relationId() != null;
	}

	@Override
	public Map<String, String> read() {
		String id = relationId();
		return (id != null) ? this.tools.relationGet(id, this.appName, true) : Map.of();
	}

	@Override
	public void write(Map<String, String> values) {
		String id = relationId();
		if (id == null) {
			throw new IllegalStateException("Cannot write leadership settings: the peer relation '" + endpoint()
					+ "' does not exist yet (Juju creates it after install); guard the handler with "
					+ "\"@leadership.available\" or act from '" + endpoint() + "-relation-created' onwards");
		}
		this.tools.relationSet(id, this.appName, true, values);
	}

	private @Nullable String relationId() {
		List<String> ids = this.tools.relationIds(endpoint());
		return ids.isEmpty() ? null : ids.get(0);
	}

	private String resolveEndpoint() {
		List<String> peers = this.peerEndpoints.get();
		if (this.configuredEndpoint != null) {
			if (!peers.contains(this.configuredEndpoint)) {
				throw new IllegalStateException("'charm.leadership.peer-relation' is '" + this.configuredEndpoint
						+ "', which metadata.yaml does not declare under 'peers' " + describe(peers));
			}
			return this.configuredEndpoint;
		}
		if (peers.size() == 1) {
			return peers.get(0);
		}
		if (peers.isEmpty()) {
			throw new IllegalStateException("The leadership starter keeps its settings in a peer relation "
					+ "(backend '" + NAME + "'), but metadata.yaml declares none; add one under 'peers', "
					+ "for example 'peers: {cluster: {interface: cluster}}'");
		}
		throw new IllegalStateException("metadata.yaml declares several peer relations " + peers
				+ "; set 'charm.leadership.peer-relation' to the one that holds the leadership settings");
	}

	private static String describe(List<String> peers) {
		return peers.isEmpty() ? "(it declares none)" : "(it declares " + peers + ")";
	}

	@Override
	public String toString() {
		return NAME + " (" + ((this.endpoint != null) ? this.endpoint : "peer relation not resolved yet") + ")";
	}
}
