package io.springcharm.test.scenario;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A secret in a scenario {@link State}.
 *
 * @param id the bare id or URI
 * @param owner {@code application} (this application owns it), {@code unit} (this unit
 * owns it), or another application's name (this application consumes it)
 * @param label the owner's label, or {@code null}
 * @param content the latest revision's content, key to value
 */
public record Secret(String id, String owner, @Nullable String label, Map<String, String> content) {

	public Secret {
		content = Map.copyOf(content);
	}

	@Override
	public String toString() {
		// Content is secret: show only its keys.
		return "Secret[id=" + this.id + ", owner=" + this.owner + ", label=" + this.label + ", keys="
				+ new java.util.TreeSet<>(this.content.keySet()) + "]";
	}
}
