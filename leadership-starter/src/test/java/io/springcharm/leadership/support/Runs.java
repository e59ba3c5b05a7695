package io.springcharm.leadership.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.tool.ToolCall;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertion helpers shared by the tests. */
public final class Runs {

	private Runs() {
	}

	/** Asserts the hook succeeded, showing its failure otherwise. */
	public static HookRun ok(HookRun run) {
		assertThat(run.exitCode()).as("exit code; failure: %s", run.failure()).isZero();
		return run;
	}

	/** The most a quiet hook may call: is-leader and one read of the settings. */
	public static List<String> quietCalls(Backend backend) {
		return (backend == Backend.LEADER_SETTINGS) ? List.of("is-leader --format=json", "leader-get --format=json -")
				: List.of("is-leader --format=json", "relation-ids --format=json cluster",
						"relation-get --format=json -r cluster:0 --app - app");
	}

	/** The keys and values one write call sent; an empty value deletes. */
	public static Map<String, String> written(ToolCall call) {
		Map<String, String> values = new TreeMap<>();
		if (call.tool().equals("leader-set")) {
			call.args().forEach((arg) -> values.put(arg.substring(0, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1)));
		}
		else {
			values.putAll(JsonMapper.shared().readValue(call.stdin(), new TypeReference<Map<String, String>>() {
			}));
		}
		return values;
	}
}
