package io.springcharm.leadership.autoconfigure;

import java.util.List;

import io.springcharm.leadership.LeaderSettingsBackend;
import io.springcharm.leadership.PeerRelationBackend;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the leadership starter, under {@code charm.leadership}.
 *
 * @param backend where the leader-owned settings live: {@code auto} (the default) picks
 * {@code peer-relation} on Juju 4 or later, or when the {@code leader-get} and
 * {@code leader-set} tools are not on {@code PATH}, and {@code leader-settings} otherwise;
 * {@code leader-settings} uses Juju's leader settings (Juju 3 and earlier);
 * {@code peer-relation} uses the application data bag of a peer relation
 * @param peerRelation peer endpoint whose application data bag holds the settings with the
 * {@code peer-relation} back end; needed only when metadata.yaml declares several peer
 * relations
 */
@ConfigurationProperties("charm.leadership")
public record LeadershipProperties(@Nullable String backend, @Nullable String peerRelation) {

	/** The value of {@code backend} that chooses by Juju version and tools. */
	public static final String AUTO = "auto";

	private static final List<String> BACKENDS = List.of(AUTO, LeaderSettingsBackend.NAME, PeerRelationBackend.NAME);

	public LeadershipProperties {
		// Defaulted here rather than with @DefaultValue: reading parameter annotations is
		// a measurable part of the first binding in every hook.
		if (backend == null) {
			backend = AUTO;
		}
		if (!BACKENDS.contains(backend)) {
			throw new IllegalArgumentException("'charm.leadership.backend' is '" + backend
					+ "'; use one of auto, leader-settings or peer-relation");
		}
		if (peerRelation != null && peerRelation.isBlank()) {
			peerRelation = null;
		}
	}

	/**
	 * The back end's name; never {@code null}.
	 * @return {@code auto}, {@code leader-settings} or {@code peer-relation}
	 */
	@Override
	public String backend() {
		return this.backend;
	}
}
