package io.springcharm.test.juju;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * One secret: owner, metadata, revisions, grants, and which revision each consumer tracks.
 */
final class SecretState {

	final String id;

	final String owner;

	@Nullable String label;

	@Nullable String description;

	@Nullable String rotation;

	@Nullable String expiry;

	final SortedMap<Integer, Map<String, String>> revisions = new TreeMap<>();

	/** Consumer unit to the revision it is pinned to. */
	final Map<String, Integer> tracked = new HashMap<>();

	/** Consumer unit to its own label for this secret. */
	final Map<String, String> consumerLabels = new HashMap<>();

	/**
	 * Relation id to the applications and units {@code secret-grant} let read the secret in
	 * that relation's scope.
	 */
	final SortedMap<Integer, SortedSet<String>> grants = new TreeMap<>();

	SecretState(String id, String owner) {
		this.id = id;
		this.owner = owner;
	}

	int latest() {
		return this.revisions.lastKey();
	}

	/** Whether an application or unit was granted this secret, in any relation. */
	boolean isGranted(String appOrUnit) {
		return this.grants.values().stream().anyMatch((targets) -> targets.contains(appOrUnit));
	}

	/** A deep copy of the grants, for a hook to see its own changes before it commits. */
	SortedMap<Integer, SortedSet<String>> copyOfGrants() {
		SortedMap<Integer, SortedSet<String>> copy = new TreeMap<>();
		this.grants.forEach((relation, targets) -> copy.put(relation, new TreeSet<>(targets)));
		return copy;
	}

	SecretView view() {
		SortedMap<Integer, Map<String, String>> copy = new TreeMap<>();
		this.revisions.forEach((rev, content) -> copy.put(rev, Map.copyOf(content)));
		final SortedMap<Integer, SortedSet<String>> grants = new TreeMap<>();
		this.grants.forEach((relation, targets) -> grants.put(relation,
				Collections.unmodifiableSortedSet(new TreeSet<>(targets))));
		return new SecretView(this.id, this.owner, this.label, this.description, this.rotation, this.expiry,
				Collections.unmodifiableSortedMap(copy), Collections.unmodifiableSortedMap(grants), Map.copyOf(this.tracked));
	}
}
