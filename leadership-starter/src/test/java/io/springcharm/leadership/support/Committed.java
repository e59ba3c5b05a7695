package io.springcharm.leadership.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.state.UnitState;
import io.springcharm.leadership.DefaultLeadership;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unit state last committed to a charm directory, read from its file.
 *
 * @param values every value, nulls included
 * @param flags every flag
 */
public record Committed(Map<String, @Nullable String> values, Set<String> flags) {

	public static Committed read(Path charmDir) {
		Path file = charmDir.resolve(UnitState.FILE_NAME);
		Map<String, @Nullable String> values = new TreeMap<>();
		Set<String> flags = new TreeSet<>();
		if (Files.exists(file)) {
			try {
				JsonNode root = JsonMapper.shared().readTree(Files.readString(file));
				root.path("values")
					.properties()
					.forEach((e) -> values.put(e.getKey(), e.getValue().isNull() ? null : e.getValue().asString()));
				root.path("flags").forEach((flag) -> flags.add(flag.asString()));
			}
			catch (IOException ex) {
				throw new IllegalStateException(ex);
			}
		}
		return new Committed(values, flags);
	}

	/** The settings snapshot: key to value, deleted keys as null. */
	public Map<String, @Nullable String> snapshot() {
		Map<String, @Nullable String> snapshot = new TreeMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(DefaultLeadership.SNAPSHOT_PREFIX)) {
				snapshot.put(key.substring(DefaultLeadership.SNAPSHOT_PREFIX.length()), value);
			}
		});
		return snapshot;
	}

	/** The leadership flags only. */
	public Set<String> leadershipFlags() {
		Set<String> found = new TreeSet<>();
		this.flags.stream().filter((flag) -> flag.startsWith("leadership.")).forEach(found::add);
		return found;
	}
}
