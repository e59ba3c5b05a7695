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
 * owns it), or another application's name (this application consumes it)
 * @param label the label this unit knows the secret by: the owner's label for a secret
 * this application or unit owns, this unit's own label for one it consumes; or
 * {@code null}
 * @param content the latest revision's content, key to value
 * @param revision the latest revision's number; earlier revisions' content is not modelled
 * @param grants relation id to the remote application or units granted the secret in that
 * relation ({@code secret-grant}); only an owned secret has grants
 */
public record Secret(String id, String owner, @Nullable String label, Map<String, String> content, int revision,
		Map<Integer, Set<String>> grants) {

	public Secret {
		content = Map.copyOf(content);
		if (revision < 1) {
			throw new IllegalArgumentException("secret revisions start at 1, not " + revision);
		}
		SortedMap<Integer, Set<String>> copy = new TreeMap<>();
		grants.forEach((relation, targets) -> copy.put(relation, Collections.unmodifiableSortedSet(new TreeSet<>(targets))));
		grants = Collections.unmodifiableSortedMap(copy);
	}

	/**
	 * A secret at revision 1 with no grants.
	 * @param id the bare id or URI
	 * @param owner {@code application}, {@code unit}, or the owning application's name
	 * @param label the label this unit knows it by, or {@code null}
	 * @param content the content, key to value
	 */
	public Secret(String id, String owner, @Nullable String label, Map<String, String> content) {
		this(id, owner, label, content, 1, Map.of());
	}

	/** The URI, as Juju passes it in {@code JUJU_SECRET_ID}: {@code secret:<id>}. */
	public String uri() {
		return this.id.startsWith("secret:") ? this.id : "secret:" + this.id;
	}

	/**
	 * @param revision the latest revision's number; {@link #content()} is its content
	 * @return a copy
	 */
	public Secret withRevision(int revision) {
		return new Secret(this.id, this.owner, this.label, this.content, revision, this.grants);
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
		return new Secret(this.id, this.owner, this.label, this.content, this.revision, all);
	}

	/** Whether this application or unit owns it, rather than consuming it. */
	public boolean owned() {
		return this.owner.equals("application") || this.owner.equals("unit");
	}

	@Override
	public String toString() {
		// Content is secret: show only its keys.
		return "Secret[id=" + this.id + ", owner=" + this.owner + ", label=" + this.label + ", keys="
				+ new TreeSet<>(this.content.keySet()) + ", revision=" + this.revision + ", grants=" + this.grants + "]";
	}
}
