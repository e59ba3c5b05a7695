package io.springcharm.test.scenario;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

import org.jspecify.annotations.Nullable;

/**
 * A secret in a scenario {@link State}.
 *
 * @param id the bare id or URI
 * @param owner {@code application} (this application owns it), {@code unit} (this unit
 * owns it), a peer unit's name (that unit owns it: readable once granted), or another
 * application's name (this application consumes it)
 * @param label the label this unit knows the secret by: the owner's label for a secret
 * this application or unit owns, this unit's own label for one it consumes; or
 * {@code null}
 * @param revisions revision number (1 or more) to content, key to value; the highest is
 * the latest
 * @param tracked the revision this unit tracks, for a secret it does not own, or
 * {@code null} if it has not read it yet (its first read then tracks the latest)
 * @param grants relation id to the remote application or units granted the secret in that
 * relation ({@code secret-grant}); for a secret this application or one of its units owns
 */
public record Secret(String id, String owner, @Nullable String label, SortedMap<Integer, Map<String, String>> revisions,
		@Nullable Integer tracked, Map<Integer, Set<String>> grants) {

	public Secret {
		if (revisions.isEmpty() || revisions.firstKey() < 1) {
			throw new IllegalArgumentException("a secret has revisions numbered from 1, not " + revisions.keySet());
		}
		SortedMap<Integer, Map<String, String>> content = new TreeMap<>();
		revisions.forEach((revision, values) -> content.put(revision, Map.copyOf(values)));
		revisions = Collections.unmodifiableSortedMap(content);
		SortedMap<Integer, Set<String>> copy = new TreeMap<>();
		grants.forEach((relation, targets) -> copy.put(relation, Collections.unmodifiableSortedSet(new TreeSet<>(targets))));
		grants = Collections.unmodifiableSortedMap(copy);
	}

	/**
	 * A secret with one revision, no grants, not yet read.
	 * @param id the bare id or URI
	 * @param owner {@code application}, {@code unit}, a peer unit, or the owning
	 * application's name
	 * @param label the label this unit knows it by, or {@code null}
	 * @param content revision 1's content, key to value
	 */
	public Secret(String id, String owner, @Nullable String label, Map<String, String> content) {
		this(id, owner, label, new TreeMap<>(Map.of(1, content)), null, Map.of());
	}

	/** The URI, as Juju passes it in {@code JUJU_SECRET_ID}: {@code secret:<id>}. */
	public String uri() {
		return this.id.startsWith("secret:") ? this.id : "secret:" + this.id;
	}

	/** The latest revision's number. */
	public int revision() {
		return this.revisions.lastKey();
	}

	/** The latest revision's content. */
	public Map<String, String> content() {
		return this.revisions.get(revision());
	}

	/**
	 * @param revision a revision number, 1 or more
	 * @param content its content
	 * @return a copy with that revision added (or replaced)
	 */
	public Secret withRevision(int revision, Map<String, String> content) {
		SortedMap<Integer, Map<String, String>> all = new TreeMap<>(this.revisions);
		all.put(revision, content);
		return new Secret(this.id, this.owner, this.label, all, this.tracked, this.grants);
	}

	/**
	 * @param revision one of the revisions, which this unit tracks (a secret it consumes)
	 * @return a copy
	 */
	public Secret withTracked(int revision) {
		return new Secret(this.id, this.owner, this.label, this.revisions, revision, this.grants);
	}

	/**
	 * @param relationId a relation of the state
	 * @param appOrUnit the relation's remote application, or one of its units (for a peer
	 * relation, this application or one of its units)
	 * @return a copy that also grants the secret to {@code appOrUnit}
	 */
	public Secret withGrant(int relationId, String appOrUnit) {
		Map<Integer, Set<String>> all = new TreeMap<>(this.grants);
		SortedSet<String> targets = new TreeSet<>(all.getOrDefault(relationId, Set.of()));
		targets.add(appOrUnit);
		all.put(relationId, targets);
		return new Secret(this.id, this.owner, this.label, this.revisions, this.tracked, all);
	}

	/** Whether this application or unit owns it. */
	public boolean owned() {
		return this.owner.equals("application") || this.owner.equals("unit");
	}

	@Override
	public String toString() {
		// Content is secret: show only its keys.
		return "Secret[id=" + this.id + ", owner=" + this.owner + ", label=" + this.label + ", keys="
				+ new TreeSet<>(content().keySet()) + ", revisions=" + this.revisions.keySet() + ", tracked="
				+ this.tracked + ", grants=" + this.grants + "]";
	}
}
