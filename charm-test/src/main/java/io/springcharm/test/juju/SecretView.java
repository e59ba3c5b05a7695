package io.springcharm.test.juju;

import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;

import org.jspecify.annotations.Nullable;

/**
 * A secret as stored by the in-memory Juju.
 *
 * @param id the bare id, for example {@code d0a1b2c3d4e5f6g7h8i9}
 * @param owner the owning application or unit name
 * @param label the owner's label, or {@code null}
 * @param description the description, or {@code null}
 * @param rotation the rotation policy, or {@code null}
 * @param expiry the expiry as given, or {@code null}
 * @param revisions revision number to content (key to plain value)
 * @param grants relation id to the applications and units granted the secret in that
 * relation ({@code secret-grant})
 * @param tracked consuming unit to the revision it tracks
 */
public record SecretView(String id, String owner, @Nullable String label, @Nullable String description,
		@Nullable String rotation, @Nullable String expiry, SortedMap<Integer, Map<String, String>> revisions,
		SortedMap<Integer, SortedSet<String>> grants, Map<String, Integer> tracked) {

	/** The URI, {@code secret:<id>}. */
	public String uri() {
		return "secret:" + this.id;
	}

	/** The newest revision number. */
	public int latestRevision() {
		return this.revisions.lastKey();
	}

	/** The newest revision's content. */
	public Map<String, String> latestContent() {
		return this.revisions.get(latestRevision());
	}

	@Override
	public String toString() {
		// Content is secret: show only its shape.
		return "SecretView[" + uri() + ", owner=" + this.owner + ", label=" + this.label + ", revisions="
				+ this.revisions.keySet() + ", grants=" + this.grants + "]";
	}
}
