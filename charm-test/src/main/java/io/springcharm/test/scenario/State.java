package io.springcharm.test.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * What Juju and the unit hold before (input) or after (output) one event: immutable; the
 * {@code with…} methods return modified copies.
 *
 * @param leader whether this unit leads
 * @param config option to value, as set by the operator (defaults from config.yaml are
 * added by Juju when the charm reads config)
 * @param relations the relations, regular and peer
 * @param storedValues the unit state values in {@code .spring-charm-state.json}
 * @param flags the unit state flags
 * @param leaderSettings the leader settings
 * @param charmState the controller-side charm state ({@code state-get}), or {@code null}
 * when none was ever set
 * @param openedPorts opened ports, for example {@code 80/tcp}
 * @param secrets secrets owned or consumed
 * @param unitStatus this unit's workload status
 * @param appStatus the application status, or {@code null} when never set
 * @param workloadVersion what {@code application-version-set} set, possibly empty
 */
public record State(boolean leader, Map<String, Object> config, List<RelationSpec> relations,
		Map<String, @Nullable String> storedValues, Set<String> flags, Map<String, String> leaderSettings,
		@Nullable Map<String, String> charmState, Set<String> openedPorts, List<Secret> secrets, Status unitStatus,
		@Nullable Status appStatus, String workloadVersion) {

	public State {
		config = Collections.unmodifiableMap(new TreeMap<>(config));
		relations = List.copyOf(relations);
		storedValues = Collections.unmodifiableMap(new TreeMap<>(storedValues));
		flags = Collections.unmodifiableSet(new TreeSet<>(flags));
		leaderSettings = Collections.unmodifiableMap(new TreeMap<>(leaderSettings));
		charmState = (charmState != null) ? Collections.unmodifiableMap(new TreeMap<>(charmState)) : null;
		openedPorts = Collections.unmodifiableSet(new TreeSet<>(openedPorts));
		secrets = List.copyOf(secrets);
	}

	/** A follower with no config set, no relations, no state. */
	public static State empty() {
		return new State(false, Map.of(), List.of(), Map.of(), Set.of(), Map.of(), null, Set.of(), List.of(),
				Status.UNKNOWN, null, "");
	}

	/**
	 * @param leader whether this unit leads
	 * @return a copy
	 */
	public State withLeader(boolean leader) {
		return new State(leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param config option to value
	 * @return a copy
	 */
	public State withConfig(Map<String, ?> config) {
		return new State(this.leader, Map.copyOf(config), this.relations, this.storedValues, this.flags,
				this.leaderSettings, this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus,
				this.workloadVersion);
	}

	/**
	 * @param relations the relations
	 * @return a copy with these relations instead
	 */
	public State withRelations(RelationSpec... relations) {
		return new State(this.leader, this.config, List.of(relations), this.storedValues, this.flags,
				this.leaderSettings, this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus,
				this.workloadVersion);
	}

	/**
	 * @param relation a relation to add
	 * @return a copy with it
	 */
	public State withRelation(RelationSpec relation) {
		List<RelationSpec> all = new ArrayList<>(this.relations);
		all.add(relation);
		return withRelations(all.toArray(RelationSpec[]::new));
	}

	/**
	 * @param values unit state values
	 * @return a copy
	 */
	public State withStoredValues(Map<String, String> values) {
		return new State(this.leader, this.config, this.relations, values, this.flags, this.leaderSettings,
				this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param flags unit state flags
	 * @return a copy
	 */
	public State withFlags(String... flags) {
		return new State(this.leader, this.config, this.relations, this.storedValues, Set.of(flags),
				this.leaderSettings, this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus,
				this.workloadVersion);
	}

	/**
	 * @param settings leader settings
	 * @return a copy
	 */
	public State withLeaderSettings(Map<String, String> settings) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, settings,
				this.charmState, this.openedPorts, this.secrets, this.unitStatus, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param state controller-side charm state
	 * @return a copy
	 */
	public State withCharmState(Map<String, String> state) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				state, this.openedPorts, this.secrets, this.unitStatus, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param ports opened ports, for example {@code 80/tcp}
	 * @return a copy
	 */
	public State withOpenedPorts(String... ports) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				this.charmState, Set.of(ports), this.secrets, this.unitStatus, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param secrets the secrets
	 * @return a copy
	 */
	public State withSecrets(Secret... secrets) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				this.charmState, this.openedPorts, List.of(secrets), this.unitStatus, this.appStatus,
				this.workloadVersion);
	}

	/**
	 * @param status this unit's status
	 * @return a copy
	 */
	public State withUnitStatus(Status status) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				this.charmState, this.openedPorts, this.secrets, status, this.appStatus, this.workloadVersion);
	}

	/**
	 * @param status the application status
	 * @return a copy
	 */
	public State withAppStatus(@Nullable Status status) {
		return new State(this.leader, this.config, this.relations, this.storedValues, this.flags, this.leaderSettings,
				this.charmState, this.openedPorts, this.secrets, this.unitStatus, status, this.workloadVersion);
	}

	/**
	 * One relation.
	 * @param id the relation id
	 * @return the relation
	 * @throws IllegalArgumentException when there is none
	 */
	public RelationSpec relation(int id) {
		return this.relations.stream()
			.filter((r) -> r.id() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no relation with id " + id + " in this state"));
	}

	/**
	 * The first relation of an endpoint.
	 * @param endpoint the endpoint
	 * @return the relation, if any
	 */
	public Optional<RelationSpec> relation(String endpoint) {
		return this.relations.stream().filter((r) -> r.endpoint().equals(endpoint)).findFirst();
	}

	/**
	 * The peer relation of an endpoint.
	 * @param endpoint the peer endpoint
	 * @return the relation
	 * @throws IllegalArgumentException when there is none
	 */
	public PeerRelation peerRelation(String endpoint) {
		return this.relations.stream()
			.filter((r) -> r instanceof PeerRelation && r.endpoint().equals(endpoint))
			.map(PeerRelation.class::cast)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no peer relation '" + endpoint + "' in this state"));
	}

	/**
	 * A secret by id or label.
	 * @param idOrLabel the bare id, URI or owner label
	 * @return the secret, if any
	 */
	public Optional<Secret> secret(String idOrLabel) {
		String bare = idOrLabel.startsWith("secret:") ? idOrLabel.substring("secret:".length()) : idOrLabel;
		return this.secrets.stream()
			.filter((s) -> s.id().equals(bare) || s.id().equals(idOrLabel) || idOrLabel.equals(s.label()))
			.findFirst();
	}

	@Override
	public String toString() {
		// Relation data, leader settings and secrets are secret: show their shape only.
		return "State[leader=" + this.leader + ", config=" + this.config.keySet() + ", relations="
				+ this.relations.stream().map(RelationSpec::relationId).toList() + ", storedValues="
				+ this.storedValues.keySet() + ", flags=" + this.flags + ", leaderSettings=" + this.leaderSettings.keySet()
				+ ", openedPorts=" + this.openedPorts + ", secrets=" + this.secrets.size() + ", unitStatus="
				+ this.unitStatus + "]";
	}
}
