package io.springcharm.test.juju;

import java.util.HashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

/** One secret: owner, metadata, revisions, and which revision each consumer tracks. */
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

	SecretState(String id, String owner) {
		this.id = id;
		this.owner = owner;
	}

	int latest() {
		return this.revisions.lastKey();
	}

	SecretView view() {
		SortedMap<Integer, Map<String, String>> copy = new TreeMap<>();
		this.revisions.forEach((rev, content) -> copy.put(rev, Map.copyOf(content)));
		return new SecretView(this.id, this.owner, this.label, this.description, this.rotation, this.expiry,
				java.util.Collections.unmodifiableSortedMap(copy));
	}
}
