package io.springcharm.test.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.hook.JujuVersion;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.test.juju.CommitException;
import io.springcharm.test.juju.HookChanges;
import io.springcharm.test.juju.HookContext;
import io.springcharm.test.juju.HookEnvironmentBuilder;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.juju.Reboot;
import io.springcharm.test.juju.RelationInfo;
import io.springcharm.test.juju.SecretView;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.model.UnitAgent.PendingHook;
import io.springcharm.test.model.UnitAgent.RelationSeen;
import io.springcharm.test.model.UnitAgent.SecretEvent;
import org.jspecify.annotations.Nullable;

/**
 * A local model of one application: N units, each with its own copy of the charm directory
 * and machine root, whose hooks run through a {@link HookExecutor} (in this JVM, or as real
 * {@code dispatch} processes) against an in-memory {@link JujuModel}, in Juju's order
 * (juju-reference §2): the initial sequence, relation joined/changed/departed, leadership
 * hooks, secret hooks, config-changed, start after a reboot, teardown, with Juju's commit
 * rules and coalescing.
 * <p>
 * Every operation runs hooks until the model is quiescent ({@link #settle()}). Hooks of
 * different units interleave one at a time, round robin. A failed hook (non-zero exit)
 * commits nothing and leaves its unit in error, blocking its other hooks (not actions)
 * until {@link #retry(String)} or the next operation's automatic retry succeeds.
 * <p>
 * Not thread-safe: drive it from one thread.
 */
public final class LocalModel implements AutoCloseable {

	private static final int MAX_HOOKS_PER_SETTLE = 10_000;

	private final JujuModel juju;

	private final Path source;

	private final HookExecutor executor;

	private final Path root;

	private final String jujuVersion;

	private final boolean leaderSettingsHook;

	private final Map<String, UnitAgent> agents = new TreeMap<>(JujuModel::compareUnits);

	private final List<HookRecord> hookLog = new ArrayList<>();

	private final Set<String> failNext = new TreeSet<>();

	private LocalModel(Builder builder, CharmMetadata metadata) {
		this.source = Objects.requireNonNull(builder.charmDirectory, "'charmDirectory' must not be null");
		this.executor = Objects.requireNonNull(builder.executor, "'executor' must not be null");
		this.root = Objects.requireNonNull(builder.root, "'root' must not be null");
		this.jujuVersion = builder.jujuVersion;
		this.leaderSettingsHook = JujuVersion.parse(builder.jujuVersion).hasLeaderSettings();
		this.juju = new JujuModel(metadata, (builder.appName != null) ? builder.appName : metadata.name(),
				builder.modelName, UUID.randomUUID().toString());
		this.juju.setConfig(builder.config);
	}

	/** Starts building a model. */
	public static Builder builder() {
		return new Builder();
	}

	// --- operations -----------------------------------------------------------------------------

	/**
	 * Deploys units {@code <app>/0..n-1}: each gets its own charm directory and machine root,
	 * unit 0 leads, and each runs Juju's initial sequence (install, relation-created,
	 * leader-elected or leader-settings-changed, config-changed, start) followed by peer
	 * relation-joined/changed.
	 * @param units how many units
	 * @return this
	 */
	public LocalModel deploy(int units) {
		if (!this.agents.isEmpty()) {
			throw new IllegalStateException("already deployed; use addUnit() for more units");
		}
		if (units < 1) {
			throw new IllegalArgumentException("'units' must be at least 1");
		}
		for (int i = 0; i < units; i++) {
			createUnit();
		}
		settle(Set.of());
		return this;
	}

	/**
	 * Adds a unit, runs its initial sequence and the other units' relation-joined for it.
	 * @return its name
	 */
	public String addUnit() {
		Set<String> failedBefore = failedUnits();
		String name = createUnit();
		settle(failedBefore);
		return name;
	}

	/**
	 * Removes a unit as {@code juju remove-unit} does: the others run relation-departed
	 * for it; then the unit runs relation-departed ({@code JUJU_DEPARTING_UNIT} = itself)
	 * and relation-broken for non-peer relations, stop and remove. If it led, the lowest
	 * remaining unit is elected and runs leader-elected.
	 * @param unit the unit
	 */
	public void removeUnit(String unit) {
		Set<String> failedBefore = failedUnits();
		agent(unit).dying = true;
		settle(failedBefore);
	}

	/**
	 * Moves leadership to a unit, which then runs leader-elected. The old leader runs
	 * nothing: Juju never runs leader-deposed.
	 * @param unit the new leader
	 */
	public void setLeader(String unit) {
		UnitAgent agent = agent(unit);
		Set<String> failedBefore = failedUnits();
		if (!unit.equals(this.juju.leader())) {
			this.juju.setLeader(unit);
			agent.leaderElectedPending = true;
		}
		settle(failedBefore);
	}

	/**
	 * Changes config as {@code juju config} does (a {@code null} value resets an option);
	 * every unit then runs config-changed once.
	 * @param values option to value
	 */
	public void config(Map<String, ? extends @Nullable Object> values) {
		Set<String> failedBefore = failedUnits();
		this.juju.setConfig(values);
		settle(failedBefore);
	}

	/**
	 * Runs an action on a unit now (Juju runs actions even while a hook is in error).
	 * @param unit the unit
	 * @param action an action from actions.yaml
	 * @param params its parameters, with their JSON types
	 * @return how it ended
	 */
	public ActionResult runAction(String unit, String action, Map<String, ?> params) {
		UnitAgent agent = agent(unit);
		Set<String> failedBefore = failedUnits();
		String id = this.juju.nextActionId();
		Map<String, String> env = HookEnvironmentBuilder.action(this.juju, unit, action, id)
			.charmDir(agent.dirs.charmDir())
			.machineRoot(agent.dirs.machineRoot())
			.jujuVersion(this.jujuVersion)
			.build();
		HookContext context = this.juju.beginAction(unit, action, params, env);
		HookExecution execution = this.executor.execute(agent.dirs, env, context);
		int exitCode = execution.exitCode();
		String message = "";
		if (exitCode == 0) {
			try {
				context.commit();
			}
			catch (CommitException ex) {
				exitCode = 1;
				message = "committing requested changes failed";
			}
		}
		else {
			context.discard();
			message = "exit status " + exitCode;
		}
		this.hookLog.add(new HookRecord(unit, "actions/" + action, exitCode, execution.elapsed()));
		String failure = context.actionFailure();
		if (failure != null) {
			message = failure;
		}
		boolean failed = exitCode != 0 || failure != null;
		ActionResult result = new ActionResult(failed ? "failed" : "completed", context.actionResults(), message,
				context.actionLogs());
		settle(failedBefore);
		return result;
	}

	/** Runs update-status on every started unit that is not in error. */
	public void updateStatus() {
		Set<String> failedBefore = failedUnits();
		for (UnitAgent agent : new ArrayList<>(this.agents.values())) {
			if (agent.started && agent.failed == null && !agent.dying) {
				run(agent, PendingHook.of("update-status", () -> {
				}));
			}
		}
		settle(failedBefore);
	}

	/**
	 * Runs one non-relation hook on a unit now (for example {@code upgrade-charm}, which
	 * then queues config-changed as in Juju), then settles.
	 * @param unit the unit
	 * @param hookName the hook
	 * @return the record of that hook
	 * @throws IllegalStateException when the unit is in error
	 */
	public HookRecord runHook(String unit, String hookName) {
		UnitAgent agent = agent(unit);
		Set<String> failedBefore = failedUnits();
		if (hookName.contains("-relation-")) {
			throw new IllegalArgumentException("relation hooks follow from relation changes; '" + hookName
					+ "' cannot be run on its own");
		}
		if (agent.failed != null) {
			throw new IllegalStateException(unit + " is in error (hook failed: \"" + agent.failed.hook()
					+ "\"); retry it first");
		}
		run(agent, PendingHook.of(hookName, () -> {
			if (hookName.equals("upgrade-charm")) {
				agent.queue.add(configChanged(agent));
			}
		}));
		HookRecord record = this.hookLog.get(this.hookLog.size() - 1);
		settle(failedBefore);
		return record;
	}

	/**
	 * Makes the next hook of a unit fail after it ran: its immediate effects stay, its
	 * buffered changes are dropped, and the unit is left in error, as if the process had
	 * exited 1 on its way out.
	 * @param unit the unit
	 */
	public void failNextHook(String unit) {
		agent(unit);
		this.failNext.add(unit);
	}

	/**
	 * Re-runs a unit's failed hook now ({@code juju resolved}), then settles.
	 * @param unit the unit
	 * @return whether the hook succeeded this time (after a reboot, if
	 * {@code juju-reboot --now} had it run again)
	 */
	public boolean retry(String unit) {
		UnitAgent agent = agent(unit);
		PendingHook failed = agent.failed;
		if (failed == null) {
			throw new IllegalStateException(unit + " has no failed hook");
		}
		run(agent, failed);
		settle(Set.of());
		return agent.failed != failed;
	}

	/**
	 * Runs {@code secret-rotate} once for a secret of this application, as Juju does when
	 * its rotation policy is due (the local model has no clock, and neither checks the
	 * policy nor repeats the hook): on the unit that owns it, or on the leader for an
	 * application's secret. If leadership moves before it runs, it is dropped, as Juju drops
	 * it. Then settles.
	 * @param idOrUri the secret
	 * @throws IllegalArgumentException for an unknown secret or one another application owns
	 */
	public void rotateSecret(String idOrUri) {
		ownerHook(idOrUri, "secret-rotate", null);
	}

	/**
	 * Runs {@code secret-expired} once for a revision of a secret of this application, as
	 * Juju does at its expiry time (no expiry is checked): on the unit that owns it, or on
	 * the leader for an application's secret. If leadership moves before it runs, it is
	 * dropped. Then settles.
	 * @param idOrUri the secret
	 * @param revision the expired revision
	 * @throws IllegalArgumentException for an unknown secret or revision, or a secret another
	 * application owns
	 */
	public void expireSecret(String idOrUri, int revision) {
		ownerHook(idOrUri, "secret-expired", revision);
	}

	private void ownerHook(String idOrUri, String hook, @Nullable Integer revision) {
		SecretView secret = this.juju.secret(idOrUri)
			.orElseThrow(() -> new IllegalArgumentException("no secret '" + idOrUri + "' in the model"));
		if (revision != null && !secret.revisions().containsKey(revision)) {
			throw new IllegalArgumentException("secret '" + idOrUri + "' has no revision " + revision + " (it has "
					+ secret.revisions().keySet() + ")");
		}
		String app = this.juju.appName();
		String owner = secret.owner().equals(app) ? this.juju.leader() : secret.owner();
		UnitAgent agent = (owner != null) ? this.agents.get(owner) : null;
		if (agent == null || agent.dying) {
			throw new IllegalArgumentException("secret '" + idOrUri + "' is owned by '" + secret.owner()
					+ "', which has no live unit here to run " + hook);
		}
		Set<String> failedBefore = failedUnits();
		agent.secretEvents.add(new SecretEvent(hook, secret.id(), revision));
		settle(failedBefore);
	}

	/**
	 * Retries each failed hook once (Juju retries automatically), then runs hooks until no
	 * unit has anything to do. The other operations settle too, retrying only the hooks
	 * that had failed before the operation, so that a hook failing during an operation
	 * stays failed until the next one.
	 * @throws IllegalStateException when the charm keeps triggering hooks forever
	 */
	public void settle() {
		settle(failedUnits());
	}

	private Set<String> failedUnits() {
		Set<String> failed = new TreeSet<>();
		this.agents.values().stream().filter((a) -> a.failed != null).forEach((a) -> failed.add(a.name()));
		return failed;
	}

	private void settle(Set<String> retry) {
		for (String unit : retry) {
			UnitAgent agent = this.agents.get(unit);
			if (agent != null && agent.failed != null) {
				run(agent, agent.failed);
			}
		}
		for (int ran = 0; ran < MAX_HOOKS_PER_SETTLE; ran++) {
			if (!step()) {
				return;
			}
		}
		List<String> last = this.hookLog.subList(Math.max(0, this.hookLog.size() - 5), this.hookLog.size())
			.stream()
			.map((record) -> record.unit() + " " + record.hook())
			.toList();
		throw new IllegalStateException("the model did not settle after " + MAX_HOOKS_PER_SETTLE
				+ " hooks (the last: " + last + "); the charm keeps changing relation data or settings in response "
				+ "to its own changes, or calls juju-reboot --now in every run of a hook");
	}

	// --- views ----------------------------------------------------------------------------------

	/** The units, as {@code juju status} shows them. */
	public List<UnitView> units() {
		return this.agents.values().stream().map(this::view).toList();
	}

	/**
	 * One unit.
	 * @param unit the unit name
	 * @return its view
	 */
	public UnitView unit(String unit) {
		return view(agent(unit));
	}

	/** A {@code juju status}-like table: the application, then one line per unit. */
	public String statusTable() {
		List<List<String>> app = new ArrayList<>();
		app.add(List.of("App", "Version", "Status", "Scale", "Message"));
		StatusInfo appStatus = applicationStatus();
		app.add(List.of(this.juju.appName(), this.juju.applicationVersion(), appStatus.status(),
				String.valueOf(this.agents.size()), appStatus.message()));
		List<List<String>> units = new ArrayList<>();
		units.add(List.of("Unit", "Workload", "Agent", "Address", "Message"));
		for (UnitView unit : units()) {
			units.add(List.of(unit.name() + (unit.leader() ? "*" : ""), unit.workloadStatus(), unit.agentState(),
					this.juju.address(unit.name()), unit.workloadMessage()));
		}
		return table(app) + "\n" + table(units);
	}

	/** Every hook and action run, in order. */
	public List<HookRecord> hookLog() {
		return List.copyOf(this.hookLog);
	}

	/**
	 * A unit's tool calls, in order, values redacted.
	 * @param unit the unit
	 * @return its calls
	 */
	public List<ToolCallRecord> toolCalls(String unit) {
		return this.juju.toolCalls(unit);
	}

	/**
	 * What a unit's failed hook printed, while it is in error.
	 * @param unit the unit
	 * @return the output, or {@code null} when it is not in error
	 */
	public @Nullable String failureOutput(String unit) {
		UnitAgent agent = agent(unit);
		return (agent.failed != null) ? agent.failureOutput : null;
	}

	/** The leader settings. */
	public Map<String, String> leaderSettings() {
		return this.juju.leaderSettings();
	}

	/** The in-memory Juju behind the model. */
	public JujuModel model() {
		return this.juju;
	}

	/** Closes the executor. Unit directories stay under the root. */
	@Override
	public void close() {
		try {
			this.executor.close();
		}
		catch (Exception ex) {
			throw new IllegalStateException("cannot close the hook executor: " + ex.getMessage(), ex);
		}
	}

	// --- choosing the next hook (Juju's uniter resolver, simplified) ---------------------------

	/** Runs one hook per unit that has one, non-dying units first; returns whether any ran. */
	private boolean step() {
		boolean ran = false;
		for (UnitAgent agent : new ArrayList<>(this.agents.values())) {
			if (!agent.dying && this.agents.containsKey(agent.name())) {
				PendingHook next = next(agent);
				if (next != null) {
					run(agent, next);
					ran = true;
				}
			}
		}
		if (ran) {
			return true;
		}
		for (UnitAgent agent : new ArrayList<>(this.agents.values())) {
			if (agent.dying) {
				PendingHook next = next(agent);
				if (next != null) {
					run(agent, next);
					return true;
				}
			}
		}
		return false;
	}

	private @Nullable PendingHook next(UnitAgent agent) {
		if (agent.failed != null) {
			return null;
		}
		if (!agent.queue.isEmpty()) {
			return agent.queue.poll();
		}
		if (agent.rebooted) {
			agent.rebooted = false;
			if (!agent.dying) {
				return PendingHook.of("start", () -> {
				});
			}
		}
		if (agent.dying) {
			return teardown(agent);
		}
		if (!agent.installed) {
			return new PendingHook("install", null, null, null, () -> agent.installed = true);
		}
		for (RelationInfo relation : orderedRelations()) {
			if (!agent.created.contains(relation.id())) {
				return new PendingHook(relation.endpoint() + "-relation-created", relation.id(), null, null,
						() -> agent.created.add(relation.id()));
			}
		}
		String unit = agent.name();
		if (agent.leaderElectedPending) {
			agent.leaderElectedPending = false;
			// Juju skips leader-elected when leadership moved on before it ran.
			if (this.juju.isLeader(unit)) {
				int version = this.juju.leaderSettingsVersion();
				return PendingHook.of("leader-elected", () -> agent.leaderSettingsSeen = version);
			}
		}
		// Juju 4 removed leader settings and with them leader-settings-changed.
		if (this.leaderSettingsHook && !this.juju.isLeader(unit)
				&& agent.leaderSettingsSeen < this.juju.leaderSettingsVersion()) {
			int version = this.juju.leaderSettingsVersion();
			return PendingHook.of("leader-settings-changed", () -> agent.leaderSettingsSeen = version);
		}
		PendingHook secretHook = nextSecretHook(agent);
		if (secretHook != null) {
			return secretHook;
		}
		if (agent.configSeen < this.juju.configVersion()) {
			return configChanged(agent);
		}
		for (RelationInfo relation : orderedRelations()) {
			PendingHook hook = nextRelationHook(agent, relation);
			if (hook != null) {
				return hook;
			}
		}
		return null;
	}

	/**
	 * The unit's next secret hook (juju-reference §2.9): one a test asked for (expired before
	 * rotate), then secret-changed for a consumed secret with a revision newer than the one
	 * the unit tracks, then secret-remove for an owned revision that is not the latest and
	 * that no consumer tracks. Each runs once per revision on a unit. An application's secret is
	 * the leader's.
	 */
	private @Nullable PendingHook nextSecretHook(UnitAgent agent) {
		String unit = agent.name();
		String app = this.juju.appName();
		boolean leader = this.juju.isLeader(unit);
		// Juju's secrets resolver: expired, rotate, every changed, then every remove.
		for (String hook : List.of("secret-expired", "secret-rotate")) {
			for (SecretEvent event : List.copyOf(agent.secretEvents)) {
				if (!event.hook().equals(hook)) {
					continue;
				}
				agent.secretEvents.remove(event);
				SecretView secret = this.juju.secret(event.secretId()).orElse(null);
				// Juju skips an owner's hook for a secret gone since, or for an application's
				// secret once the unit no longer leads.
				if (secret != null && (leader || !secret.owner().equals(app))) {
					return PendingHook.secret(hook, ownerSecret(secret, event.revision()), () -> {
					});
				}
			}
		}
		List<SecretView> secrets = this.juju.secrets();
		for (SecretView secret : secrets) {
			int latest = secret.latestRevision();
			Integer tracked = secret.tracked().get(unit);
			if (!secret.owner().equals(unit) && !secret.owner().equals(app) && tracked != null && tracked < latest
					&& agent.secretChangedFor.getOrDefault(secret.id(), 0) < latest) {
				String label = this.juju.consumerLabel(secret.id(), unit);
				return PendingHook.secret("secret-changed",
						new Hook.Secret(secret.uri(), (label != null) ? label : "", null),
						() -> agent.secretChangedFor.put(secret.id(), latest));
			}
		}
		for (SecretView secret : secrets) {
			if (!secret.owner().equals(unit) && !(secret.owner().equals(app) && leader)) {
				continue;
			}
			for (int revision : secret.revisions().keySet()) {
				String key = secret.id() + "/" + revision;
				if (revision != secret.latestRevision() && !secret.tracked().containsValue(revision)
						&& !agent.secretRemovedFor.contains(key)) {
					return PendingHook.secret("secret-remove", ownerSecret(secret, revision),
							() -> agent.secretRemovedFor.add(key));
				}
			}
		}
		return null;
	}

	private static Hook.Secret ownerSecret(SecretView secret, @Nullable Integer revision) {
		return new Hook.Secret(secret.uri(), (secret.label() != null) ? secret.label() : "", revision);
	}

	private PendingHook configChanged(UnitAgent agent) {
		int version = this.juju.configVersion();
		return PendingHook.of("config-changed", () -> {
			agent.configSeen = version;
			if (!agent.started) {
				agent.queue.add(PendingHook.of("start", () -> agent.started = true));
			}
		});
	}

	/** One relation's next hook, in the order of juju-reference §2.5. */
	private @Nullable PendingHook nextRelationHook(UnitAgent agent, RelationInfo relation) {
		int id = relation.id();
		RelationSeen seen = agent.relation(id);
		String prefix = relation.endpoint() + "-relation-";
		String changedFor = seen.changedPending;
		if (changedFor != null) {
			int version = this.juju.unitDataVersion(id, changedFor);
			return new PendingHook(prefix + "changed", id, changedFor, null, () -> {
				seen.changedPending = null;
				seen.unitSeen.put(changedFor, version);
			});
		}
		List<String> scope = inScope(relation, agent.name());
		for (String known : seen.joined) {
			if (!scope.contains(known)) {
				this.juju.depart(agent.name(), id, known);
				return new PendingHook(prefix + "departed", id, known, known, () -> {
					seen.joined.remove(known);
					seen.unitSeen.remove(known);
				});
			}
		}
		String app = relation.peer() ? this.juju.appName() : relation.remoteApp();
		int appVersion = this.juju.appDataVersion(id, app);
		if (appVersion > seen.appSeen) {
			return new PendingHook(prefix + "changed", id, null, null, () -> seen.appSeen = appVersion);
		}
		for (String remote : scope) {
			if (!seen.joined.contains(remote)) {
				this.juju.join(agent.name(), id, remote);
				return new PendingHook(prefix + "joined", id, remote, null, () -> {
					seen.joined.add(remote);
					seen.changedPending = remote;
				});
			}
		}
		for (String remote : seen.joined) {
			int version = this.juju.unitDataVersion(id, remote);
			if (version > seen.unitSeen.getOrDefault(remote, 0)) {
				return new PendingHook(prefix + "changed", id, remote, null, () -> seen.unitSeen.put(remote, version));
			}
		}
		return null;
	}

	/** A dying unit: departed for every unit it knows, broken (not for peers), stop, remove. */
	private @Nullable PendingHook teardown(UnitAgent agent) {
		for (RelationInfo relation : orderedRelations()) {
			int id = relation.id();
			RelationSeen seen = agent.relation(id);
			String prefix = relation.endpoint() + "-relation-";
			if (!seen.joined.isEmpty()) {
				String remote = seen.joined.first();
				this.juju.depart(agent.name(), id, remote);
				return new PendingHook(prefix + "departed", id, remote, agent.name(), () -> {
					seen.joined.remove(remote);
					seen.unitSeen.remove(remote);
				});
			}
			if (!relation.peer() && agent.created.contains(id) && !seen.broken) {
				return new PendingHook(prefix + "broken", id, null, null, () -> seen.broken = true);
			}
		}
		if (agent.started && !agent.stopped) {
			return PendingHook.of("stop", () -> agent.stopped = true);
		}
		if (agent.installed) {
			return PendingHook.of("remove", () -> {
				agent.installed = false;
				finishRemoval(agent);
			});
		}
		finishRemoval(agent);
		return null;
	}

	private void finishRemoval(UnitAgent agent) {
		boolean wasLeader = this.juju.isLeader(agent.name());
		this.juju.removeUnit(agent.name());
		this.agents.remove(agent.name());
		if (wasLeader && !this.agents.isEmpty()) {
			UnitAgent next = this.agents.values().iterator().next();
			this.juju.setLeader(next.name());
			next.leaderElectedPending = true;
		}
	}

	/** Non-peer relations first: since Juju 3.6 peers are processed last. */
	private List<RelationInfo> orderedRelations() {
		List<RelationInfo> relations = new ArrayList<>(this.juju.relations());
		relations.sort(Comparator.comparing(RelationInfo::peer).thenComparingInt(RelationInfo::id));
		return relations;
	}

	/** The remote units (or other peers) in a relation's scope for a unit. */
	private List<String> inScope(RelationInfo relation, String viewer) {
		if (!relation.peer()) {
			return this.juju.unitsInScope(relation.id(), viewer);
		}
		List<String> peers = new ArrayList<>();
		for (UnitAgent other : this.agents.values()) {
			if (!other.name().equals(viewer) && !other.dying && other.created.contains(relation.id())) {
				peers.add(other.name());
			}
		}
		return peers;
	}

	// --- running one hook -----------------------------------------------------------------------

	/** Runs a prepared hook; commits on exit 0, otherwise leaves the unit in error. */
	private boolean run(UnitAgent agent, PendingHook hook) {
		String unit = agent.name();
		beforeHook(agent, hook.hook());
		HookEnvironmentBuilder builder = HookEnvironmentBuilder.hook(this.juju, unit, hook.hook())
			.charmDir(agent.dirs.charmDir())
			.machineRoot(agent.dirs.machineRoot())
			.jujuVersion(this.jujuVersion);
		if (hook.relationId() != null) {
			builder.relation(hook.relationId(), hook.remoteUnit()).departingUnit(hook.departingUnit());
		}
		builder.secret(hook.secret());
		Map<String, String> env = builder.build();
		HookContext context = this.juju.beginHook(unit, hook.hook(), env);
		HookExecution execution = this.executor.execute(agent.dirs, env, context);
		int exitCode = execution.exitCode();
		if (exitCode == 0 && this.failNext.remove(unit)) {
			exitCode = 1;
		}
		boolean committed = false;
		if (exitCode == 0) {
			try {
				HookChanges changes = context.commit();
				committed = true;
				noteOwnWrites(agent, changes);
			}
			catch (CommitException ex) {
				exitCode = 1;
			}
		}
		else {
			context.discard();
		}
		if (context.toolCalls().stream().anyMatch((c) -> c.call().tool().equals("status-set") && c.exitCode() == 0)) {
			agent.charmSetStatus = true;
		}
		if (this.juju.isLeader(unit)) {
			// The leader never hears of its own leader-set.
			agent.leaderSettingsSeen = Math.max(agent.leaderSettingsSeen, this.juju.leaderSettingsVersion());
		}
		this.hookLog.add(new HookRecord(unit, hook.hook(), exitCode, execution.elapsed()));
		Reboot reboot = context.reboot();
		// Juju runs start again after a reboot only for a unit that had started.
		boolean startAgain = agent.started;
		if (reboot == Reboot.NOW) {
			// Juju killed the hook: it runs again after the reboot, whatever its exit code,
			// and a retried hook that was in error is no longer.
			clearError(agent);
			agent.queue.addFirst(hook);
			agent.rebooted |= startAgain;
			return false;
		}
		if (committed) {
			succeeded(agent, hook);
			agent.rebooted |= reboot == Reboot.AFTER_HOOK && startAgain;
		}
		else {
			failed(agent, hook, execution.output());
		}
		return committed;
	}

	private void beforeHook(UnitAgent agent, String hook) {
		String unit = agent.name();
		// Statuses Juju sets itself around hooks (juju-reference §2.2).
		if (hook.equals("install") && !agent.charmSetStatus) {
			this.juju.setUnitStatus(unit, "maintenance", "installing charm software");
		}
		else if (hook.equals("stop")) {
			this.juju.setUnitStatus(unit, "maintenance", "stopping charm software");
		}
		else if (hook.equals("remove")) {
			this.juju.setUnitStatus(unit, "maintenance", "cleaning up prior to charm deletion");
		}
	}

	private void noteOwnWrites(UnitAgent agent, HookChanges changes) {
		for (int id : changes.appDataChanged()) {
			RelationInfo relation = this.juju.relation(id);
			if (relation.peer()) {
				// A unit never gets relation-changed for its own application-bag write.
				agent.relation(id).appSeen = this.juju.appDataVersion(id, this.juju.appName());
			}
		}
	}

	private void succeeded(UnitAgent agent, PendingHook hook) {
		clearError(agent);
		if (hook.hook().equals("start") && !agent.charmSetStatus && this.juju.hasUnit(agent.name())) {
			this.juju.setUnitStatus(agent.name(), "unknown", "");
		}
		hook.onSuccess().run();
	}

	/** Takes a unit out of error, back to the status it had before. */
	private void clearError(UnitAgent agent) {
		if (agent.failed != null) {
			agent.failed = null;
			agent.failureOutput = null;
			StatusInfo before = agent.statusBeforeError;
			if (before != null && this.juju.hasUnit(agent.name())
					&& this.juju.unitStatus(agent.name()).status().equals("error")) {
				this.juju.setUnitStatus(agent.name(), before.status(), before.message());
			}
			agent.statusBeforeError = null;
		}
	}

	private void failed(UnitAgent agent, PendingHook hook, String output) {
		if (agent.failed == null) {
			agent.statusBeforeError = this.juju.unitStatus(agent.name());
		}
		agent.failed = hook;
		agent.failureOutput = output;
		this.juju.setUnitStatus(agent.name(), "error", "hook failed: \"" + hook.hook() + "\"");
	}

	// --- units on disk --------------------------------------------------------------------------

	private String createUnit() {
		String name = this.juju.addUnit();
		String dirName = name.replace('/', '-');
		Path unitRoot = this.root.resolve("units").resolve(dirName);
		Path charmDir = unitRoot.resolve("charm");
		Path machineRoot = unitRoot.resolve("machine");
		try {
			CharmDirectories.copy(this.source, charmDir);
			Files.createDirectories(machineRoot);
		}
		catch (IOException ex) {
			this.juju.removeUnit(name);
			throw new UncheckedIOException("cannot create the directories of " + name + " under " + unitRoot, ex);
		}
		UnitAgent agent = new UnitAgent(new UnitDirectories(name, charmDir, machineRoot));
		this.agents.put(name, agent);
		if (this.juju.leader() == null) {
			this.juju.setLeader(name);
			agent.leaderElectedPending = true;
		}
		return name;
	}

	// --- helpers --------------------------------------------------------------------------------

	private UnitAgent agent(String unit) {
		UnitAgent agent = this.agents.get(unit);
		if (agent == null) {
			throw new IllegalArgumentException("unit '" + unit + "' is not in the model; units: " + this.agents.keySet());
		}
		return agent;
	}

	private UnitView view(UnitAgent agent) {
		String name = agent.name();
		StatusInfo status = this.juju.unitStatus(name);
		return new UnitView(name, this.juju.isLeader(name), status.status(), status.message(),
				(agent.failed != null) ? "error" : "idle", agent.dirs.charmDir(), agent.dirs.machineRoot());
	}

	/** The status the leader set, else the most severe unit status, as juju status derives it. */
	private StatusInfo applicationStatus() {
		StatusInfo set = this.juju.applicationStatus();
		if (set != null) {
			return set;
		}
		List<String> severity = List.of("error", "blocked", "maintenance", "waiting", "active", "unknown");
		StatusInfo worst = StatusInfo.of("unknown", "");
		for (UnitAgent agent : this.agents.values()) {
			StatusInfo status = this.juju.unitStatus(agent.name());
			int rank = severity.indexOf(status.status());
			if (rank >= 0 && rank < severity.indexOf(worst.status())) {
				worst = status;
			}
		}
		return worst;
	}

	private static String table(List<List<String>> rows) {
		Map<Integer, Integer> widths = new HashMap<>();
		for (List<String> row : rows) {
			for (int i = 0; i < row.size(); i++) {
				widths.merge(i, row.get(i).length(), Math::max);
			}
		}
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < row.size(); i++) {
				String cell = row.get(i);
				line.append(cell);
				if (i < row.size() - 1) {
					line.append(" ".repeat(widths.get(i) - cell.length() + 2));
				}
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
		return out.toString();
	}

	/** Builds a {@link LocalModel}. */
	public static final class Builder {

		private @Nullable Path charmDirectory;

		private @Nullable HookExecutor executor;

		private @Nullable Path root;

		private final Map<String, @Nullable Object> config = new LinkedHashMap<>();

		private String jujuVersion = "3.6.0";

		private String modelName = "local";

		private @Nullable String appName;

		private Builder() {
		}

		/**
		 * @param charmDirectory the charm directory (metadata.yaml, dispatch, …) each unit
		 * gets a copy of
		 * @return this
		 */
		public Builder charmDirectory(Path charmDirectory) {
			this.charmDirectory = charmDirectory;
			return this;
		}

		/**
		 * @param executor runs each hook; closed by {@link LocalModel#close()}
		 * @return this
		 */
		public Builder executor(HookExecutor executor) {
			this.executor = executor;
			return this;
		}

		/**
		 * @param root the working directory; units live under {@code root/units/<app>-<n>}
		 * @return this
		 */
		public Builder root(Path root) {
			this.root = root;
			return this;
		}

		/**
		 * @param config initial config values, checked against config.yaml
		 * @return this
		 */
		public Builder config(Map<String, ? extends @Nullable Object> config) {
			this.config.putAll(config);
			return this;
		}

		/**
		 * @param jujuVersion {@code JUJU_VERSION}, {@code 3.6.0} unless set
		 * @return this
		 */
		public Builder jujuVersion(String jujuVersion) {
			this.jujuVersion = jujuVersion;
			return this;
		}

		/**
		 * @param modelName {@code JUJU_MODEL_NAME}, {@code local} unless set
		 * @return this
		 */
		public Builder modelName(String modelName) {
			this.modelName = modelName;
			return this;
		}

		/**
		 * @param appName the application name; the charm name unless set
		 * @return this
		 */
		public Builder appName(String appName) {
			this.appName = appName;
			return this;
		}

		/**
		 * Reads the charm's metadata and creates the model, with no units yet.
		 * @return the model
		 * @throws io.springcharm.framework.metadata.MetadataException when the charm's YAML
		 * files are wrong
		 * @throws IllegalArgumentException when the config does not match config.yaml
		 */
		public LocalModel build() {
			Objects.requireNonNull(this.charmDirectory, "'charmDirectory' must not be null");
			return new LocalModel(this, CharmMetadata.load(this.charmDirectory));
		}
	}
}
