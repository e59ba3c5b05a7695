package io.springcharm.test.juju;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.metadata.ConfigOption;
import io.springcharm.framework.metadata.Endpoint;
import org.jspecify.annotations.Nullable;

/**
 * The in-memory Juju of one application: its units, leadership, config, leader settings,
 * relations (a peer relation per peer endpoint, created with the model, and regular
 * relations to remote applications), statuses, opened ports, charm state, secrets, storage,
 * {@code juju-log} lines and every tool call.
 * <p>
 * Hooks reach it through {@link #beginHook}: the returned {@link HookContext} answers one
 * hook's tool calls and applies its buffered changes on {@link HookContext#commit()}. The
 * setters here act as the operator or a remote application would, for setting up tests
 * and for orchestrators; they bump the version counters that tell an orchestrator which
 * hooks are due ({@link #configVersion()}, {@link #leaderSettingsVersion()},
 * {@link #unitDataVersion}, {@link #appDataVersion}).
 * <p>
 * Every method is thread-safe: a process runner may answer tool calls from several threads.
 */
public final class JujuModel {

	private static final String ID_ALPHABET = "0123456789abcdefghijklmnopqrstuv";

	final Object lock = new Object();

	private final CharmMetadata metadata;

	private final String appName;

	private final String modelName;

	private final String modelUuid;

	private final SecureRandom random = new SecureRandom();

	final SortedMap<String, UnitRecord> units = new TreeMap<>();

	@Nullable String leader;

	private final Map<String, Object> configValues = new HashMap<>();

	private int configVersion = 1;

	final SortedMap<String, String> leaderSettings = new TreeMap<>();

	// Juju's watcher reports version 1 before anyone writes, so followers see
	// leader-settings-changed after install even when nothing was ever set.
	int leaderSettingsVersion = 1;

	@Nullable StatusInfo appStatus;

	final List<StatusInfo> appStatusHistory = new ArrayList<>();

	String applicationVersion = "";

	final SortedMap<Integer, RelationState> relations = new TreeMap<>();

	private final Map<String, Integer> remoteAppNumbers = new HashMap<>();

	final Map<String, SecretState> secrets = new LinkedHashMap<>();

	private final SortedMap<String, Path> resources = new TreeMap<>();

	private @Nullable Map<String, Object> cloudSpec;

	final List<LogLine> logs = new ArrayList<>();

	final List<ToolCallRecord> toolCalls = new ArrayList<>();

	private int nextUnitNumber;

	private int nextRelationId;

	private int nextActionId = 1;

	/**
	 * A model named {@code test} holding the charm's application, named after the charm,
	 * with no units yet and one relation per peer endpoint.
	 * @param metadata the charm's metadata, config options and actions
	 */
	public JujuModel(CharmMetadata metadata) {
		this(metadata, metadata.name(), "test", UUID.randomUUID().toString());
	}

	/**
	 * @param metadata the charm's metadata, config options and actions
	 * @param appName the application name
	 * @param modelName the model name ({@code JUJU_MODEL_NAME})
	 * @param modelUuid the model UUID ({@code JUJU_MODEL_UUID})
	 */
	public JujuModel(CharmMetadata metadata, String appName, String modelName, String modelUuid) {
		this(metadata, appName, modelName, modelUuid, true);
	}

	private JujuModel(CharmMetadata metadata, String appName, String modelName, String modelUuid,
			boolean peerRelations) {
		this.metadata = metadata;
		this.appName = appName;
		this.modelName = modelName;
		this.modelUuid = modelUuid;
		if (peerRelations) {
			for (Endpoint peer : metadata.peers()) {
				addRelation(peer.name(), appName);
			}
		}
	}

	/**
	 * A model with no relations at all, not even the peer ones, for callers that declare
	 * every relation themselves with {@link #addRelation(int, String, String)}.
	 * @param metadata the charm's metadata
	 * @param appName the application name
	 * @param modelName the model name
	 * @param modelUuid the model UUID
	 * @return the model
	 */
	public static JujuModel withoutRelations(CharmMetadata metadata, String appName, String modelName,
			String modelUuid) {
		return new JujuModel(metadata, appName, modelName, modelUuid, false);
	}

	/** The charm's metadata. */
	public CharmMetadata metadata() {
		return this.metadata;
	}

	/** The application name. */
	public String appName() {
		return this.appName;
	}

	/** The model name. */
	public String modelName() {
		return this.modelName;
	}

	/** The model UUID. */
	public String modelUuid() {
		return this.modelUuid;
	}

	// --- units and leadership -----------------------------------------------------------

	/**
	 * Adds the next unit, {@code <app>/<n>}, and enters it into every peer relation.
	 * @return its name
	 */
	public String addUnit() {
		synchronized (this.lock) {
			String name = this.appName + "/" + this.nextUnitNumber;
			addUnit(name);
			return name;
		}
	}

	/**
	 * Adds a unit with a given name, {@code <app>/<n>}, and enters it into every peer
	 * relation (its bag gets Juju's address keys).
	 * @param unitName the unit name
	 */
	public void addUnit(String unitName) {
		synchronized (this.lock) {
			int number = unitNumber(unitName);
			if (!unitName.startsWith(this.appName + "/")) {
				throw new IllegalArgumentException("'" + unitName + "' is not a unit of '" + this.appName + "'");
			}
			if (this.units.containsKey(unitName)) {
				throw new IllegalArgumentException("unit '" + unitName + "' already exists");
			}
			this.units.put(unitName, new UnitRecord(unitName, number));
			this.nextUnitNumber = Math.max(this.nextUnitNumber, number + 1);
			for (RelationState relation : this.relations.values()) {
				relation.unitBag(unitName).putAll(addressKeys(unitName));
				relation.unitVersions.merge(unitName, 1, Integer::sum);
			}
		}
	}

	/**
	 * Removes a unit: it leaves every relation (other units' views of it are kept until an
	 * orchestrator departs them) and loses leadership.
	 * @param unitName the unit name
	 */
	public void removeUnit(String unitName) {
		synchronized (this.lock) {
			unit(unitName);
			this.units.remove(unitName);
			if (unitName.equals(this.leader)) {
				this.leader = null;
			}
			for (RelationState relation : this.relations.values()) {
				relation.members.remove(unitName);
			}
			// Juju drops a removed unit's consumer records, so the revisions it tracked can go.
			for (SecretState secret : this.secrets.values()) {
				secret.tracked.remove(unitName);
				secret.consumerLabels.remove(unitName);
			}
		}
	}

	/** The application's units, sorted by name. */
	public List<String> units() {
		synchronized (this.lock) {
			List<String> names = new ArrayList<>(this.units.keySet());
			names.sort(JujuModel::compareUnits);
			return names;
		}
	}

	/**
	 * Whether a unit exists.
	 * @param unitName the unit name
	 * @return whether it exists
	 */
	public boolean hasUnit(String unitName) {
		synchronized (this.lock) {
			return this.units.containsKey(unitName);
		}
	}

	/** The leader, or {@code null} when no unit leads. */
	public @Nullable String leader() {
		synchronized (this.lock) {
			return this.leader;
		}
	}

	/**
	 * Gives leadership to a unit, or to none.
	 * @param unitName the new leader, or {@code null}
	 */
	public void setLeader(@Nullable String unitName) {
		synchronized (this.lock) {
			if (unitName != null) {
				unit(unitName);
			}
			this.leader = unitName;
		}
	}

	/**
	 * Whether a unit leads.
	 * @param unitName the unit name
	 * @return whether it is the leader
	 */
	public boolean isLeader(String unitName) {
		synchronized (this.lock) {
			return unitName.equals(this.leader);
		}
	}

	// --- config --------------------------------------------------------------------------

	/**
	 * The config as {@code config-get} returns it: every option with a value or a default.
	 * @return option to value, sorted
	 */
	public Map<String, Object> config() {
		synchronized (this.lock) {
			Map<String, Object> config = new TreeMap<>();
			this.metadata.options().forEach((name, option) -> {
				Object value = this.configValues.containsKey(name) ? this.configValues.get(name) : option.defaultValue();
				if (value != null) {
					config.put(name, value);
				}
			});
			return Collections.unmodifiableMap(config);
		}
	}

	/**
	 * Every declared option, unset ones as {@code null} ({@code config-get --all}).
	 * @return option to value or {@code null}, sorted
	 */
	public Map<String, @Nullable Object> configAll() {
		synchronized (this.lock) {
			Map<String, @Nullable Object> all = new TreeMap<>();
			this.metadata.options().keySet().forEach((name) -> all.put(name, null));
			all.putAll(config());
			return Collections.unmodifiableMap(all);
		}
	}

	/**
	 * Changes config as {@code juju config} does: merges, a {@code null} value resets an
	 * option to its default. Bumps {@link #configVersion()} when anything changed.
	 * @param values option to value
	 * @throws IllegalArgumentException for an option not in config.yaml or a value of the
	 * wrong type
	 */
	public void setConfig(Map<String, ? extends @Nullable Object> values) {
		synchronized (this.lock) {
			Map<String, Object> before = config();
			values.forEach((name, value) -> {
				ConfigOption option = this.metadata.options().get(name);
				if (option == null) {
					throw new IllegalArgumentException("unknown option \"" + name + "\" (not in config.yaml; declared: "
							+ new TreeSet<>(this.metadata.options().keySet()) + ")");
				}
				if (!option.accepts(value)) {
					throw new IllegalArgumentException("option \"" + name + "\" expected " + option.type().yamlName()
							+ ", got " + value.getClass().getSimpleName());
				}
			});
			values.forEach((name, value) -> {
				if (value == null) {
					this.configValues.remove(name);
				}
				else {
					this.configValues.put(name, normalise(this.metadata.options().get(name), value));
				}
			});
			if (!before.equals(config())) {
				this.configVersion++;
			}
		}
	}

	/** Increases whenever the config changes; units that saw an older one need config-changed. */
	public int configVersion() {
		synchronized (this.lock) {
			return this.configVersion;
		}
	}

	// --- leader settings -------------------------------------------------------------------

	/** The leader settings, sorted. */
	public Map<String, String> leaderSettings() {
		synchronized (this.lock) {
			return Map.copyOf(this.leaderSettings);
		}
	}

	/**
	 * Writes leader settings as the leader's {@code leader-set} would (merge, empty value
	 * deletes), bumping {@link #leaderSettingsVersion()} when anything changed.
	 * @param settings the changes
	 * @return whether anything changed
	 */
	public boolean setLeaderSettings(Map<String, String> settings) {
		synchronized (this.lock) {
			boolean changed = RelationState.merge(this.leaderSettings, settings);
			if (changed) {
				this.leaderSettingsVersion++;
			}
			return changed;
		}
	}

	/** Increases on every leader-settings change; followers that saw an older one need leader-settings-changed. */
	public int leaderSettingsVersion() {
		synchronized (this.lock) {
			return this.leaderSettingsVersion;
		}
	}

	// --- relations ---------------------------------------------------------------------------

	/**
	 * Adds a relation with the next free id. Every unit of the application enters it.
	 * @param endpoint an endpoint declared in metadata.yaml
	 * @param remoteApp the remote application (ignored for a peer endpoint)
	 * @return the relation id
	 */
	public int addRelation(String endpoint, String remoteApp) {
		synchronized (this.lock) {
			return addRelation(this.nextRelationId, endpoint, remoteApp);
		}
	}

	/**
	 * Adds a relation with a given id. Every unit of the application enters it.
	 * @param id the relation id
	 * @param endpoint an endpoint declared in metadata.yaml
	 * @param remoteApp the remote application (ignored for a peer endpoint)
	 * @return the relation id
	 * @throws IllegalArgumentException for an undeclared endpoint or a used id
	 */
	public int addRelation(int id, String endpoint, String remoteApp) {
		synchronized (this.lock) {
			Endpoint declared = this.metadata.endpoints().get(endpoint);
			if (declared == null) {
				throw new IllegalArgumentException("endpoint '" + endpoint + "' is not declared in metadata.yaml");
			}
			if (this.relations.containsKey(id)) {
				throw new IllegalArgumentException("relation id " + id + " is already used");
			}
			String remote = declared.isPeer() ? this.appName : remoteApp;
			RelationState relation = new RelationState(new RelationInfo(id, endpoint, remote, declared.isPeer()));
			this.relations.put(id, relation);
			this.nextRelationId = Math.max(this.nextRelationId, id + 1);
			for (String unit : this.units.keySet()) {
				relation.unitBag(unit).putAll(addressKeys(unit));
				relation.unitVersions.put(unit, 1);
			}
			return id;
		}
	}

	/**
	 * Marks a relation broken: it leaves {@code relation-ids}; its data stays readable, and
	 * the secret grants made in it are gone.
	 * @param relationId the relation id
	 */
	public void breakRelation(int relationId) {
		synchronized (this.lock) {
			relationState(relationId).broken = true;
			// Juju removes a relation's secret grants with the relation.
			this.secrets.values().forEach((secret) -> secret.grants.remove(relationId));
		}
	}

	/** Every relation that is not broken, by id. */
	public List<RelationInfo> relations() {
		synchronized (this.lock) {
			return this.relations.values().stream().filter((r) -> !r.broken).map((r) -> r.info).toList();
		}
	}

	/**
	 * One relation.
	 * @param relationId the relation id
	 * @return the relation
	 * @throws IllegalArgumentException when there is none with that id
	 */
	public RelationInfo relation(int relationId) {
		synchronized (this.lock) {
			return relationState(relationId).info;
		}
	}

	/**
	 * The relation of a peer endpoint.
	 * @param endpoint the peer endpoint
	 * @return its relation
	 */
	public Optional<RelationInfo> peerRelation(String endpoint) {
		synchronized (this.lock) {
			return this.relations.values()
				.stream()
				.map((r) -> r.info)
				.filter((r) -> r.peer() && r.endpoint().equals(endpoint))
				.findFirst();
		}
	}

	/**
	 * Enters a unit of the remote application into a regular relation, with Juju's address
	 * keys in its bag.
	 * @param relationId the relation id
	 * @param unitName for example {@code mysql/0}
	 */
	public void addRemoteUnit(int relationId, String unitName) {
		synchronized (this.lock) {
			RelationState relation = relationState(relationId);
			if (relation.info.peer() || !unitName.startsWith(relation.info.remoteApp() + "/")) {
				throw new IllegalArgumentException(
						"'" + unitName + "' is not a unit of '" + relation.info.remoteApp() + "' in a regular relation");
			}
			unitNumber(unitName);
			relation.remoteUnits.add(unitName);
			if (!relation.unitBags.containsKey(unitName)) {
				relation.unitBag(unitName).putAll(addressKeys(unitName));
				relation.unitVersions.merge(unitName, 1, Integer::sum);
			}
		}
	}

	/**
	 * Takes a remote unit out of a relation's scope; its data stays readable.
	 * @param relationId the relation id
	 * @param unitName the remote unit
	 */
	public void removeRemoteUnit(int relationId, String unitName) {
		synchronized (this.lock) {
			relationState(relationId).remoteUnits.remove(unitName);
		}
	}

	/**
	 * The units currently in a relation's scope seen from a unit of this application:
	 * the other alive peers, or the remote application's units.
	 * @param relationId the relation id
	 * @param localUnit the viewing unit
	 * @return unit names, sorted
	 */
	public List<String> unitsInScope(int relationId, String localUnit) {
		synchronized (this.lock) {
			RelationState relation = relationState(relationId);
			List<String> names = new ArrayList<>(relation.info.peer() ? this.units.keySet() : relation.remoteUnits);
			names.remove(localUnit);
			names.sort(JujuModel::compareUnits);
			return names;
		}
	}

	/**
	 * The remote units (or other peers) a local unit has seen join, as {@code relation-list}
	 * reports them.
	 * @param localUnit the local unit
	 * @param relationId the relation id
	 * @return unit names, sorted
	 */
	public List<String> members(String localUnit, int relationId) {
		synchronized (this.lock) {
			List<String> names = new ArrayList<>(relationState(relationId).members(localUnit));
			names.sort(JujuModel::compareUnits);
			return names;
		}
	}

	/**
	 * Records that a local unit has seen a remote unit join (done before its relation-joined).
	 * @param localUnit the local unit
	 * @param relationId the relation id
	 * @param remoteUnit the joining unit
	 */
	public void join(String localUnit, int relationId, String remoteUnit) {
		synchronized (this.lock) {
			relationState(relationId).members(localUnit).add(remoteUnit);
		}
	}

	/**
	 * Records that a remote unit left a local unit's view (done before its relation-departed).
	 * @param localUnit the local unit
	 * @param relationId the relation id
	 * @param remoteUnit the departing unit
	 */
	public void depart(String localUnit, int relationId, String remoteUnit) {
		synchronized (this.lock) {
			relationState(relationId).members(localUnit).remove(remoteUnit);
		}
	}

	/**
	 * A unit's bag in a relation, as committed.
	 * @param relationId the relation id
	 * @param unitName any unit, local or remote
	 * @return key to value, sorted; empty when it has none
	 */
	public Map<String, String> unitData(int relationId, String unitName) {
		synchronized (this.lock) {
			SortedMap<String, String> bag = relationState(relationId).unitBags.get(unitName);
			return (bag != null) ? Collections.unmodifiableSortedMap(new TreeMap<>(bag)) : Map.of();
		}
	}

	/**
	 * An application's bag in a relation, as committed.
	 * @param relationId the relation id
	 * @param app this application or the remote one
	 * @return key to value, sorted
	 */
	public Map<String, String> appData(int relationId, String app) {
		synchronized (this.lock) {
			SortedMap<String, String> bag = relationState(relationId).appBags.get(app);
			return (bag != null) ? Collections.unmodifiableSortedMap(new TreeMap<>(bag)) : Map.of();
		}
	}

	/**
	 * Writes a unit's bag directly (a remote unit's committed hook, or test setup): merge,
	 * empty value deletes.
	 * @param relationId the relation id
	 * @param unitName the unit
	 * @param data the changes
	 * @return whether the bag changed (and its version with it)
	 */
	public boolean setUnitData(int relationId, String unitName, Map<String, String> data) {
		synchronized (this.lock) {
			RelationState relation = relationState(relationId);
			boolean changed = RelationState.merge(relation.unitBag(unitName), data);
			if (changed) {
				relation.unitVersions.merge(unitName, 1, Integer::sum);
			}
			return changed;
		}
	}

	/**
	 * Writes an application's bag directly (the remote leader's committed hook, or test
	 * setup): merge, empty value deletes.
	 * @param relationId the relation id
	 * @param app the application
	 * @param data the changes
	 * @return whether the bag changed (and its version with it)
	 */
	public boolean setAppData(int relationId, String app, Map<String, String> data) {
		synchronized (this.lock) {
			RelationState relation = relationState(relationId);
			boolean changed = RelationState.merge(relation.appBag(app), data);
			if (changed) {
				relation.appVersions.merge(app, 1, Integer::sum);
			}
			return changed;
		}
	}

	/**
	 * The version of a unit's bag: it increases with every committed change.
	 * @param relationId the relation id
	 * @param unitName the unit
	 * @return the version, 0 when it never had data
	 */
	public int unitDataVersion(int relationId, String unitName) {
		synchronized (this.lock) {
			return relationState(relationId).unitVersions.getOrDefault(unitName, 0);
		}
	}

	/**
	 * The version of an application's bag: it increases with every committed change.
	 * @param relationId the relation id
	 * @param app the application
	 * @return the version, 0 when it never had data
	 */
	public int appDataVersion(int relationId, String app) {
		synchronized (this.lock) {
			return relationState(relationId).appVersions.getOrDefault(app, 0);
		}
	}

	/**
	 * The address Juju gives a unit: made up from the unit number, never a real interface.
	 * Units of this application are {@code 10.1.0.<n+10>}; remote applications get their own
	 * {@code 10.<k>.0.0/24}.
	 * @param unitName the unit
	 * @return an IPv4 address
	 */
	public String address(String unitName) {
		synchronized (this.lock) {
			String app = unitName.substring(0, unitName.indexOf('/'));
			int net = app.equals(this.appName) ? 1 : this.remoteAppNumbers.computeIfAbsent(app, (a) -> this.remoteAppNumbers.size() + 2);
			return "10." + net + ".0." + (unitNumber(unitName) % 240 + 10);
		}
	}

	// --- statuses, ports, state, storage ---------------------------------------------------

	/**
	 * A unit's workload status.
	 * @param unitName the unit
	 * @return the status
	 */
	public StatusInfo unitStatus(String unitName) {
		synchronized (this.lock) {
			return unit(unitName).status;
		}
	}

	/**
	 * Every status a unit was given, oldest first.
	 * @param unitName the unit
	 * @return the history
	 */
	public List<StatusInfo> unitStatusHistory(String unitName) {
		synchronized (this.lock) {
			return List.copyOf(unit(unitName).history);
		}
	}

	/**
	 * Sets a unit's workload status as Juju itself does around hooks (any status word,
	 * including {@code error} and {@code unknown}).
	 * @param unitName the unit
	 * @param status the status word
	 * @param message the message
	 */
	public void setUnitStatus(String unitName, String status, String message) {
		synchronized (this.lock) {
			UnitRecord unit = unit(unitName);
			unit.status = StatusInfo.of(status, message);
			unit.history.add(unit.status);
		}
	}

	/** The application status the leader set, or {@code null} when none was set. */
	public @Nullable StatusInfo applicationStatus() {
		synchronized (this.lock) {
			return this.appStatus;
		}
	}

	/**
	 * Sets the application status.
	 * @param status the status word
	 * @param message the message
	 */
	public void setApplicationStatus(String status, String message) {
		synchronized (this.lock) {
			this.appStatus = StatusInfo.of(status, message);
			this.appStatusHistory.add(this.appStatus);
		}
	}

	/** Every application status set, oldest first. */
	public List<StatusInfo> applicationStatusHistory() {
		synchronized (this.lock) {
			return List.copyOf(this.appStatusHistory);
		}
	}

	/** What {@code application-version-set} last set, empty when never set. */
	public String applicationVersion() {
		synchronized (this.lock) {
			return this.applicationVersion;
		}
	}

	/**
	 * Sets the workload version.
	 * @param version the version
	 */
	public void setApplicationVersion(String version) {
		synchronized (this.lock) {
			this.applicationVersion = version;
		}
	}

	/**
	 * A unit's opened ports, as {@code opened-ports} prints them.
	 * @param unitName the unit
	 * @return for example {@code [80/tcp, 8000-8080/udp, icmp]}
	 */
	public List<String> openedPorts(String unitName) {
		synchronized (this.lock) {
			return unit(unitName).ports.stream().map(PortRange::toString).toList();
		}
	}

	/**
	 * Opens ports on a unit, replacing what was open (test setup).
	 * @param unitName the unit
	 * @param ports for example {@code 80}, {@code 8000-8080/udp}, {@code icmp}
	 * @throws IllegalArgumentException for a malformed port
	 */
	public void setOpenedPorts(String unitName, Collection<String> ports) {
		synchronized (this.lock) {
			UnitRecord unit = unit(unitName);
			unit.ports.clear();
			for (String port : ports) {
				try {
					unit.ports.add(PortRange.parse(port));
				}
				catch (ToolError ex) {
					throw new IllegalArgumentException(ex.getMessage(), ex);
				}
			}
		}
	}

	/**
	 * A unit's charm state ({@code state-get}).
	 * @param unitName the unit
	 * @return key to value, or {@code null} when it never had any
	 */
	public @Nullable Map<String, String> charmState(String unitName) {
		synchronized (this.lock) {
			SortedMap<String, String> state = unit(unitName).charmState;
			return (state != null) ? Map.copyOf(state) : null;
		}
	}

	/**
	 * Replaces a unit's charm state (test setup).
	 * @param unitName the unit
	 * @param state key to value
	 */
	public void setCharmState(String unitName, Map<String, String> state) {
		synchronized (this.lock) {
			unit(unitName).charmState = new TreeMap<>(state);
		}
	}

	/**
	 * A unit's attached storage.
	 * @param unitName the unit
	 * @return storage id (for example {@code data/0}) to location
	 */
	public Map<String, String> storage(String unitName) {
		synchronized (this.lock) {
			return Map.copyOf(unit(unitName).storage);
		}
	}

	/**
	 * Attaches a new instance of a declared storage to a unit.
	 * @param unitName the unit
	 * @param storageName a storage name from metadata.yaml
	 * @return the storage id, for example {@code data/0}
	 */
	public String attachStorage(String unitName, String storageName) {
		synchronized (this.lock) {
			if (!this.metadata.storage().contains(storageName)) {
				throw new IllegalArgumentException("storage '" + storageName + "' is not declared in metadata.yaml");
			}
			int n = (int) this.units.values()
				.stream()
				.flatMap((u) -> u.storage.keySet().stream())
				.filter((id) -> id.startsWith(storageName + "/"))
				.count();
			String id = storageName + "/" + n;
			unit(unitName).storage.put(id, "/srv/" + storageName + "/" + n);
			return id;
		}
	}

	// --- resources and cloud credentials ----------------------------------------------------------

	/**
	 * Gives a declared resource a file, as {@code juju deploy --resource} does: each unit's
	 * {@code resource-get} copies it next to the unit's charm directory, under the file name
	 * metadata.yaml declares, and prints the copy's path.
	 * @param name a resource name from metadata.yaml
	 * @param file the resource's file
	 * @throws IllegalArgumentException when the charm declares no such resource or the file
	 * does not exist
	 */
	public void setResource(String name, Path file) {
		synchronized (this.lock) {
			checkResource(this.metadata, name, file);
			this.resources.put(name, file.toAbsolutePath());
		}
	}

	/**
	 * Checks a resource as {@link #setResource} does, for callers that want to refuse it
	 * before building a model.
	 * @param metadata the charm's metadata
	 * @param name the resource name
	 * @param file its file
	 * @throws IllegalArgumentException when the charm declares no such resource or the file
	 * does not exist
	 */
	public static void checkResource(CharmMetadata metadata, String name, Path file) {
		if (!metadata.resources().containsKey(name)) {
			throw new IllegalArgumentException("resource '" + name + "' is not declared in metadata.yaml (declared: "
					+ new TreeSet<>(metadata.resources().keySet()) + ")");
		}
		if (!Files.isRegularFile(file)) {
			throw new IllegalArgumentException("resource '" + name + "': " + file + " is not a file");
		}
	}

	/** The resources given a file, sorted by name. */
	public SortedMap<String, Path> resources() {
		synchronized (this.lock) {
			return Collections.unmodifiableSortedMap(new TreeMap<>(this.resources));
		}
	}

	/**
	 * Trusts the application with the model's cloud credentials, as {@code juju trust}
	 * does: {@code credential-get} then prints this cloud spec. Without one, the
	 * application is not trusted and {@code credential-get} is refused.
	 * @param spec the cloud spec as Juju's {@code credential-get --format=json} prints it
	 * ({@code type}, {@code name}, {@code region}, {@code credential}, ...), or {@code null}
	 * to take the trust back; the top level is copied, nested maps are kept as given
	 */
	public void setCloudSpec(@Nullable Map<String, ?> spec) {
		synchronized (this.lock) {
			this.cloudSpec = (spec != null) ? Collections.unmodifiableMap(new TreeMap<String, Object>(spec)) : null;
		}
	}

	/** The cloud spec the application is trusted with, or {@code null} when it is not trusted. */
	public @Nullable Map<String, Object> cloudSpec() {
		synchronized (this.lock) {
			return this.cloudSpec;
		}
	}

	// --- secrets ----------------------------------------------------------------------------------

	/**
	 * Creates a secret as if its owner had committed {@code secret-add} (test setup, or a
	 * secret another application shared).
	 * @param owner the owning application or unit
	 * @param content key to value
	 * @param label the owner's label, or {@code null}
	 * @return the URI, {@code secret:<id>}
	 */
	public String addSecret(String owner, Map<String, String> content, @Nullable String label) {
		synchronized (this.lock) {
			SecretState secret = new SecretState(newSecretId(), owner);
			secret.label = label;
			secret.revisions.put(1, Map.copyOf(content));
			this.secrets.put(secret.id, secret);
			return "secret:" + secret.id;
		}
	}

	/**
	 * Creates a secret with a given id at revision 1 (test setup). A secret another
	 * application owns counts as granted to this one, since that application's grants are
	 * outside this model.
	 * @param id the bare id or URI
	 * @param owner the owning application or unit; another application's name makes this
	 * application a consumer
	 * @param content key to value, revision 1
	 * @param label the owner's label, or {@code null}
	 * @return the URI, {@code secret:<id>}
	 */
	public String addSecret(String id, String owner, Map<String, String> content, @Nullable String label) {
		synchronized (this.lock) {
			SecretState secret = new SecretState(bareSecretId(id), owner);
			if (this.secrets.containsKey(secret.id)) {
				throw new IllegalArgumentException("secret '" + secret.id + "' already exists");
			}
			secret.label = label;
			secret.revisions.put(1, Map.copyOf(content));
			this.secrets.put(secret.id, secret);
			return "secret:" + secret.id;
		}
	}

	/**
	 * Replaces a secret's revisions, as if its owner had made them with {@code secret-set}
	 * (test setup).
	 * @param idOrUri the secret
	 * @param revisions revision number (1 or more) to content; the highest is the latest
	 * @throws IllegalArgumentException for an unknown secret, no revision, a number below 1,
	 * or the loss of a revision a unit tracks
	 */
	public void setSecretRevisions(String idOrUri, SortedMap<Integer, Map<String, String>> revisions) {
		if (revisions.isEmpty() || revisions.firstKey() < 1) {
			throw new IllegalArgumentException("a secret has revisions numbered from 1, not " + revisions.keySet());
		}
		synchronized (this.lock) {
			SecretState secret = existingSecret(idOrUri);
			secret.tracked.forEach((unit, revision) -> {
				if (!revisions.containsKey(revision)) {
					throw new IllegalArgumentException("secret '" + idOrUri + "' would lose revision " + revision
							+ ", which " + unit + " tracks");
				}
			});
			secret.revisions.clear();
			revisions.forEach((revision, content) -> secret.revisions.put(revision, Map.copyOf(content)));
		}
	}

	/**
	 * Grants a secret as if its owner had committed {@code secret-grant} (test setup).
	 * @param idOrUri a secret this application or one of its units owns
	 * @param relationId the relation the grant belongs to; breaking the relation removes it
	 * @param appOrUnit the relation's remote application, or one of its units
	 * @throws IllegalArgumentException for an unknown secret or relation, a secret another
	 * application owns, a target that is not on the relation's remote side, or a unit grant
	 * beside its application's grant in the same relation (Juju keeps one or the other)
	 */
	public void grantSecret(String idOrUri, int relationId, String appOrUnit) {
		synchronized (this.lock) {
			SecretState secret = existingSecret(idOrUri);
			if (!secret.owner.equals(this.appName) && !secret.owner.startsWith(this.appName + "/")) {
				throw new IllegalArgumentException("secret '" + idOrUri + "' is owned by '" + secret.owner
						+ "': only its owner's grants are in this model");
			}
			String remoteApp = relationState(relationId).info.remoteApp();
			String targetApp = appOrUnit.contains("/") ? appOrUnit.substring(0, appOrUnit.lastIndexOf('/')) : appOrUnit;
			if (!targetApp.equals(remoteApp)) {
				throw new IllegalArgumentException("relation " + relationId + " is with '" + remoteApp
						+ "': a secret can be granted in it only to that application or its units, not '" + appOrUnit
						+ "'");
			}
			SortedSet<String> targets = secret.grants.computeIfAbsent(relationId, (id) -> new TreeSet<>());
			if (!targets.isEmpty() && (targets.contains(remoteApp) || appOrUnit.equals(remoteApp))
					&& !targets.contains(appOrUnit)) {
				throw new IllegalArgumentException("secret '" + idOrUri + "' cannot be granted to both '" + remoteApp
						+ "' and its units in relation " + relationId);
			}
			targets.add(appOrUnit);
		}
	}

	/**
	 * Makes a unit track a revision of a secret it consumes, as its first {@code
	 * secret-get} would have (test setup).
	 * @param idOrUri the secret
	 * @param unitName the consuming unit
	 * @param revision one of the secret's revisions
	 */
	public void setTrackedRevision(String idOrUri, String unitName, int revision) {
		synchronized (this.lock) {
			SecretState secret = existingSecret(idOrUri);
			if (secret.owner.equals(unitName) || secret.owner.equals(this.appName)) {
				throw new IllegalArgumentException(unitName + " owns secret '" + idOrUri
						+ "' or is of the application that does: an owner reads the latest revision and tracks none");
			}
			if (!secret.revisions.containsKey(revision)) {
				throw new IllegalArgumentException("secret '" + idOrUri + "' has no revision " + revision + " (it has "
						+ secret.revisions.keySet() + ")");
			}
			secret.tracked.put(unitName, revision);
		}
	}

	/**
	 * Gives a consumed secret the label a unit knows it by, as {@code secret-get <id>
	 * --label <label>} does (test setup).
	 * @param idOrUri the secret
	 * @param unitName the consuming unit
	 * @param label its label for the secret
	 */
	public void setConsumerLabel(String idOrUri, String unitName, String label) {
		synchronized (this.lock) {
			existingSecret(idOrUri).consumerLabels.put(unitName, label);
		}
	}

	/**
	 * The label a consuming unit gave a secret.
	 * @param idOrUri the secret
	 * @param unitName the consuming unit
	 * @return the label, or {@code null} when the unit gave none
	 */
	public @Nullable String consumerLabel(String idOrUri, String unitName) {
		synchronized (this.lock) {
			return existingSecret(idOrUri).consumerLabels.get(unitName);
		}
	}

	private SecretState existingSecret(String idOrUri) {
		SecretState secret = this.secrets.get(bareSecretId(idOrUri));
		if (secret == null) {
			throw new IllegalArgumentException("no secret '" + idOrUri + "' in the model");
		}
		return secret;
	}

	/** Every secret. */
	public List<SecretView> secrets() {
		synchronized (this.lock) {
			return this.secrets.values().stream().map(SecretState::view).toList();
		}
	}

	/**
	 * One secret.
	 * @param idOrUri the id or URI
	 * @return the secret, if it exists
	 */
	public Optional<SecretView> secret(String idOrUri) {
		synchronized (this.lock) {
			SecretState state = this.secrets.get(bareSecretId(idOrUri));
			return Optional.ofNullable(state).map(SecretState::view);
		}
	}

	// --- records ---------------------------------------------------------------------------

	/** Every {@code juju-log} line, in order. */
	public List<LogLine> logs() {
		synchronized (this.lock) {
			return List.copyOf(this.logs);
		}
	}

	/** Every tool call, in order, values redacted. */
	public List<ToolCallRecord> toolCalls() {
		synchronized (this.lock) {
			return List.copyOf(this.toolCalls);
		}
	}

	/**
	 * One unit's tool calls, in order.
	 * @param unitName the unit
	 * @return its calls
	 */
	public List<ToolCallRecord> toolCalls(String unitName) {
		synchronized (this.lock) {
			return this.toolCalls.stream().filter((c) -> c.unit().equals(unitName)).toList();
		}
	}

	// --- hooks --------------------------------------------------------------------------------

	/**
	 * Starts one hook of one unit.
	 * @param unitName the unit
	 * @param hookName the hook, for example {@code db-relation-changed}
	 * @param hookEnvironment the hook's environment; {@code JUJU_RELATION_ID},
	 * {@code JUJU_REMOTE_UNIT}, {@code JUJU_REMOTE_APP}, {@code JUJU_STORAGE_ID} and
	 * {@code JUJU_CHARM_DIR} are read from it
	 * @return the context answering the hook's tools
	 */
	public HookContext beginHook(String unitName, String hookName, Map<String, String> hookEnvironment) {
		synchronized (this.lock) {
			unit(unitName);
			return new HookContext(this, unitName, hookName, hookEnvironment, null, Map.of());
		}
	}

	/**
	 * Starts one action of one unit.
	 * @param unitName the unit
	 * @param actionName an action from actions.yaml
	 * @param params the action's parameters, with their JSON types
	 * @param hookEnvironment the action's environment
	 * @return the context answering the action's tools
	 */
	public HookContext beginAction(String unitName, String actionName, Map<String, ?> params,
			Map<String, String> hookEnvironment) {
		synchronized (this.lock) {
			unit(unitName);
			if (!this.metadata.actions().containsKey(actionName)) {
				throw new IllegalArgumentException("action '" + actionName + "' is not declared in actions.yaml");
			}
			return new HookContext(this, unitName, actionName, hookEnvironment, actionName, params);
		}
	}

	/** A new action id, as Juju 3 numbers them ({@code JUJU_ACTION_UUID}). */
	public String nextActionId() {
		synchronized (this.lock) {
			return String.valueOf(this.nextActionId++);
		}
	}

	// --- internals --------------------------------------------------------------------------

	UnitRecord unit(String unitName) {
		UnitRecord unit = this.units.get(unitName);
		if (unit == null) {
			throw new IllegalArgumentException("unit '" + unitName + "' does not exist; units: " + units());
		}
		return unit;
	}

	RelationState relationState(int relationId) {
		RelationState relation = this.relations.get(relationId);
		if (relation == null) {
			throw new IllegalArgumentException("relation " + relationId + " does not exist");
		}
		return relation;
	}

	@Nullable RelationState findRelation(int relationId) {
		return this.relations.get(relationId);
	}

	Map<String, String> addressKeys(String unitName) {
		String address = address(unitName);
		return Map.of("private-address", address, "ingress-address", address, "egress-subnets", address + "/32");
	}

	String newSecretId() {
		StringBuilder id = new StringBuilder(20);
		for (int i = 0; i < 20; i++) {
			id.append(ID_ALPHABET.charAt(this.random.nextInt(ID_ALPHABET.length())));
		}
		return id.toString();
	}

	static String bareSecretId(String idOrUri) {
		String id = idOrUri;
		if (id.startsWith("secret://")) {
			id = id.substring(id.lastIndexOf('/') + 1);
		}
		else if (id.startsWith("secret:")) {
			id = id.substring("secret:".length());
		}
		return id;
	}

	static int unitNumber(String unitName) {
		int slash = unitName.lastIndexOf('/');
		try {
			if (slash <= 0) {
				throw new NumberFormatException();
			}
			return Integer.parseInt(unitName.substring(slash + 1));
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("'" + unitName + "' is not a unit name like app/0");
		}
	}

	/**
	 * Orders unit names as Juju lists them: by application, then by unit number, so
	 * {@code app/2} comes before {@code app/10}.
	 * @param a a unit name
	 * @param b another unit name
	 * @return the comparison, as {@link java.util.Comparator#compare}
	 */
	public static int compareUnits(String a, String b) {
		String appA = a.substring(0, Math.max(a.indexOf('/'), 0));
		String appB = b.substring(0, Math.max(b.indexOf('/'), 0));
		int byApp = appA.compareTo(appB);
		if (byApp != 0) {
			return byApp;
		}
		try {
			return Integer.compare(unitNumber(a), unitNumber(b));
		}
		catch (IllegalArgumentException ex) {
			return a.compareTo(b);
		}
	}

	private static Object normalise(ConfigOption option, Object value) {
		return switch (option.type()) {
			case INT -> ((Number) value).longValue();
			case FLOAT -> ((Number) value).doubleValue();
			default -> value;
		};
	}

}
