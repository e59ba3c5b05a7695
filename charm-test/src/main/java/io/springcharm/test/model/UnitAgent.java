package io.springcharm.test.model;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

import io.springcharm.framework.hook.Hook;
import io.springcharm.test.juju.StatusInfo;
import org.jspecify.annotations.Nullable;

/**
 * What one unit's agent remembers between hooks (Juju's uniter local state): which hooks
 * it has run and which versions of config, leader settings and relation data it has seen.
 */
final class UnitAgent {

	final UnitDirectories dirs;

	boolean installed;

	boolean started;

	boolean stopped;

	boolean dying;

	boolean charmSetStatus;

	boolean leaderElectedPending;

	/** The machine of this started unit rebooted ({@code juju-reboot}); start runs next. */
	boolean rebooted;

	/** Secret hooks a test asked for, waiting for the unit to be idle. */
	final Deque<SecretEvent> secretEvents = new ArrayDeque<>();

	/** Consumed secret id to the latest revision secret-changed was run for. */
	final Map<String, Integer> secretChangedFor = new HashMap<>();

	/** {@code <secret id>/<revision>} of owned revisions secret-remove was run for. */
	final Set<String> secretRemovedFor = new HashSet<>();

	int leaderSettingsSeen;

	int configSeen;

	final Deque<PendingHook> queue = new ArrayDeque<>();

	@Nullable PendingHook failed;

	@Nullable StatusInfo statusBeforeError;

	@Nullable String failureOutput;

	final Set<Integer> created = new HashSet<>();

	final Map<Integer, RelationSeen> relations = new HashMap<>();

	UnitAgent(UnitDirectories dirs) {
		this.dirs = dirs;
	}

	String name() {
		return this.dirs.unitName();
	}

	RelationSeen relation(int id) {
		return this.relations.computeIfAbsent(id, (i) -> new RelationSeen());
	}

	/** One relation as this unit has seen it. */
	static final class RelationSeen {

		final SortedSet<String> joined = new TreeSet<>();

		final Map<String, Integer> unitSeen = new HashMap<>();

		int appSeen;

		@Nullable String changedPending;

		boolean broken;
	}

	/**
	 * A hook prepared for this unit.
	 * @param hook the hook name
	 * @param relationId the relation of a relation hook, otherwise {@code null}
	 * @param remoteUnit {@code JUJU_REMOTE_UNIT}, or {@code null} for empty
	 * @param departingUnit {@code JUJU_DEPARTING_UNIT}, or {@code null}
	 * @param secret the secret of a secret hook, otherwise {@code null}
	 * @param onSuccess updates the agent's memory once the hook committed
	 */
	record PendingHook(String hook, @Nullable Integer relationId, @Nullable String remoteUnit,
			@Nullable String departingUnit, Hook.@Nullable Secret secret, Runnable onSuccess) {

		PendingHook(String hook, @Nullable Integer relationId, @Nullable String remoteUnit,
				@Nullable String departingUnit, Runnable onSuccess) {
			this(hook, relationId, remoteUnit, departingUnit, null, onSuccess);
		}

		static PendingHook of(String hook, Runnable onSuccess) {
			return new PendingHook(hook, null, null, null, onSuccess);
		}

		static PendingHook secret(String hook, Hook.Secret secret, Runnable onSuccess) {
			return new PendingHook(hook, null, null, null, secret, onSuccess);
		}
	}

	/** A secret hook asked for by a test ({@code secret-rotate}, {@code secret-expired}). */
	record SecretEvent(String hook, String secretId, @Nullable Integer revision) {
	}
}
