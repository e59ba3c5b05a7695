package io.springcharm.reliability;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads unit-state files and predicts, byte for byte, what the next hook of
 * {@code ReliabilityCharm} will write, so a file seen after a kill can be compared with
 * exactly two candidates.
 */
final class StateFiles {

	private static final JsonMapper JSON = JsonMapper.shared();

	private StateFiles() {
	}

	static JsonNode parse(byte[] bytes) {
		return JSON.readTree(bytes);
	}

	static String value(byte[] bytes, String key) {
		JsonNode node = parse(bytes).path("values").path(key);
		return node.isMissingNode() || node.isNull() ? null : node.asString();
	}

	static List<String> flags(byte[] bytes) {
		List<String> flags = new ArrayList<>();
		parse(bytes).path("flags").forEach((flag) -> flags.add(flag.asString()));
		return flags;
	}

	/**
	 * The file a successful non-leader hook with {@code RELIABILITY_BLOB_KB=blobKb} writes
	 * after this one, in the framework's layout (format, sorted values, sorted flags, pretty
	 * printed).
	 */
	static byte[] next(byte[] previous, int blobKb) {
		JsonNode root = parse(previous);
		Map<String, String> values = new TreeMap<>();
		root.path("values").properties().forEach((entry) -> values.put(entry.getKey(), entry.getValue().asString()));
		TreeSet<String> flags = new TreeSet<>(flags(previous));
		int count = Integer.parseInt(values.getOrDefault("count", "0")) + 1;
		values.put("count", Integer.toString(count));
		for (int i = 0; i < blobKb; i++) {
			values.put("blob." + i, (count + "-" + i + "-").repeat(1000).substring(0, 1000));
		}
		flags.add("ran");
		ObjectNode out = JSON.createObjectNode();
		out.put("format", 1);
		ObjectNode valueNode = out.putObject("values");
		values.forEach(valueNode::put);
		flags.forEach(out.putArray("flags")::add);
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(out);
	}

	static String text(byte[] bytes) {
		return (bytes != null) ? new String(bytes, StandardCharsets.UTF_8) : "(no file)";
	}

}
