package io.springcharm.reliability.input;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.springcharm.example.ExampleCharm;
import io.springcharm.test.juju.LogLine;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.scenario.Event;
import io.springcharm.test.scenario.Result;
import io.springcharm.test.scenario.Scenario;
import io.springcharm.test.scenario.State;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the example charm through each of its scenarios and scans everything a run leaves
 * for an operator or a log collector to see (stderr, juju-log lines, tool calls as
 * recorded, status messages, action messages and logs, exception messages) for the admin
 * password. Action results are not scanned: get-password returns the password there by
 * design.
 */
class SecretScanTests {

	private static final String KEY = "admin_password";

	private static final String PASSWORD = "Zq7LmN2pR9sT4vW8yK1bC3dF5gH6jX0a";

	@TempDir
	Path work;

	@Test
	void noScenarioOfTheExampleCharmShowsThePasswordAnywhereButTheActionResults() {
		Scenario scenario = Scenario.of(ExampleCharm.class, Path.of("../example-charm/src/main/charm"))
			.workDirectory(this.work);
		State withPassword = scenario.defaultState().withLeaderSettings(Map.of(KEY, PASSWORD));
		Map<String, Result> runs = new LinkedHashMap<>();
		runs.put("install on the leader", scenario.run(Event.install(), scenario.defaultState().withLeader(true)));
		runs.put("install on a follower", scenario.run(Event.install(), withPassword.withLeader(false)));
		runs.put("update-status on the leader", scenario.run(Event.updateStatus(), withPassword.withLeader(true)));
		runs.put("update-status on a follower", scenario.run(Event.updateStatus(), withPassword.withLeader(false)));
		runs.put("leader-settings-changed on a follower",
				scenario.run(Event.leaderSettingsChanged(), withPassword.withLeader(false)));
		runs.put("config-changed with a bad length on the leader", scenario.run(Event.configChanged(),
				withPassword.withLeader(true).withConfig(Map.of("password-length", 5))));
		runs.put("config-changed with a bad length on a follower", scenario.run(Event.configChanged(),
				withPassword.withLeader(false).withConfig(Map.of("password-length", 500))));
		runs.put("get-password on a follower",
				scenario.run(Event.action("get-password", Map.of()), withPassword.withLeader(false)));
		runs.put("get-password before the leader set it",
				scenario.run(Event.action("get-password", Map.of()), scenario.defaultState().withLeader(false)));
		runs.put("rotate-password on the leader",
				scenario.run(Event.action("rotate-password", Map.of()), withPassword.withLeader(true)));
		runs.put("rotate-password on a follower",
				scenario.run(Event.action("rotate-password", Map.of()), withPassword.withLeader(false)));
		runs.put("rotate-password with a bad length", scenario.run(Event.action("rotate-password", Map.of()),
				withPassword.withLeader(true).withConfig(Map.of("password-length", 1))));

		Set<String> passwords = new TreeSet<>(List.of(PASSWORD));
		runs.values().forEach((result) -> {
			String written = result.state().leaderSettings().get(KEY);
			if (written != null) {
				passwords.add(written);
			}
		});
		List<String> leaks = new ArrayList<>();
		runs.forEach((name, result) -> {
			String output = visibleOutput(result);
			for (String password : passwords) {
				if (output.contains(password)) {
					// Name the scenario only: printing the password would be a leak of its own.
					leaks.add(name);
				}
			}
		});
		System.out.printf("secrets: %d scenarios scanned, %d leaks%n", runs.size(), leaks.size());

		assertThat(runs).allSatisfy((name, result) -> assertThat(result.succeeded()).as(name).isTrue());
		// The scan must have had something to find: a generated and a rotated password.
		assertThat(passwords).hasSizeGreaterThanOrEqualTo(3);
		assertThat(runs.get("get-password on a follower").action().results()).containsEntry("password", PASSWORD);
		assertThat(leaks).as("scenarios whose output shows a password").isEmpty();
	}

	/** Everything a run shows outside the action results, as one text. */
	private static String visibleOutput(Result result) {
		StringBuilder text = new StringBuilder(result.errorOutput()).append('\n');
		for (LogLine line : result.logs()) {
			text.append(line.message()).append('\n');
		}
		for (ToolCallRecord call : result.toolCalls()) {
			text.append(call).append('\n').append(call.call().redactedArgs()).append('\n');
		}
		for (StatusInfo status : result.statusHistory()) {
			text.append(status).append('\n');
		}
		if (result.action() != null) {
			text.append(result.action().message()).append('\n').append(result.action().logs()).append('\n');
		}
		for (Throwable failure = result.failure(); failure != null; failure = failure.getCause()) {
			text.append(failure).append('\n');
		}
		return text.toString();
	}
}
