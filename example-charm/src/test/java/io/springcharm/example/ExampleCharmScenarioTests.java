package io.springcharm.example;

import java.nio.file.Path;
import java.util.Map;

import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.scenario.Event;
import io.springcharm.test.scenario.InconsistentScenarioException;
import io.springcharm.test.scenario.Result;
import io.springcharm.test.scenario.Scenario;
import io.springcharm.test.scenario.State;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * One hook at a time, from a declared state: the example charm's handlers and actions.
 */
class ExampleCharmScenarioTests {

	private final Scenario scenario = Scenario.of(ExampleCharm.class, Path.of("src/main/charm"));

	@Test
	void leaderGeneratesThePasswordOnceFromTheDocumentedAlphabet() {
		Result result = this.scenario.run(Event.install(), this.scenario.defaultState().withLeader(true));

		assertThat(result.succeeded()).as(result.errorOutput()).isTrue();
		String password = result.state().leaderSettings().get(AdminPassword.KEY);
		assertThat(password).hasSize(32).matches("[A-Za-z0-9]+");
		assertThat(calls(result, "leader-set")).isEqualTo(1);
		assertThat(result.state().unitStatus().status()).isEqualTo("active");
	}

	@Test
	void leaderWithAPasswordDoesNotGenerateAnother() {
		State state = this.scenario.defaultState()
			.withLeader(true)
			.withLeaderSettings(Map.of(AdminPassword.KEY, "existingPasswordExistingPassword"));

		Result result = this.scenario.run(Event.updateStatus(), state);

		assertThat(result.succeeded()).as(result.errorOutput()).isTrue();
		assertThat(result.state().leaderSettings()).containsEntry(AdminPassword.KEY, "existingPasswordExistingPassword");
		assertThat(calls(result, "leader-set")).isZero();
	}

	@Test
	void followerWaitsUntilTheLeaderSetsThePassword() {
		Result result = this.scenario.run(Event.install(), this.scenario.defaultState().withLeader(false));

		assertThat(result.succeeded()).as(result.errorOutput()).isTrue();
		assertThat(result.state().unitStatus().status()).isEqualTo("waiting");
		assertThat(result.state().unitStatus().message()).contains("leader");
		assertThat(calls(result, "leader-set")).isZero();
	}

	@Test
	void passwordLengthOutOfRangeBlocksAndGeneratesNothing() {
		State state = this.scenario.defaultState().withLeader(true).withConfig(Map.of("password-length", 8));

		Result result = this.scenario.run(Event.configChanged(), state);

		assertThat(result.succeeded()).as(result.errorOutput()).isTrue();
		assertThat(result.state().unitStatus().status()).isEqualTo("blocked");
		assertThat(result.state().unitStatus().message()).contains("password-length");
		assertThat(result.state().leaderSettings()).doesNotContainKey(AdminPassword.KEY);
	}

	@Test
	void getPasswordReturnsThePasswordInTheActionResults() {
		State state = this.scenario.defaultState()
			.withLeader(false)
			.withLeaderSettings(Map.of(AdminPassword.KEY, "sharedPasswordSharedPassword1234"));

		Result result = this.scenario.run(Event.action("get-password", Map.of()), state);

		assertThat(result.action()).isNotNull();
		assertThat(result.action().status()).isEqualTo("completed");
		assertThat(result.action().results()).containsEntry("password", "sharedPasswordSharedPassword1234");
	}

	@Test
	void rotatePasswordOnAFollowerFailsTheActionWithAClearMessage() {
		State state = this.scenario.defaultState()
			.withLeader(false)
			.withLeaderSettings(Map.of(AdminPassword.KEY, "sharedPasswordSharedPassword1234"));

		Result result = this.scenario.run(Event.action("rotate-password", Map.of()), state);

		assertThat(result.action().status()).isEqualTo("failed");
		assertThat(result.action().message()).contains("leader");
		assertThat(calls(result, "leader-set")).isZero();
	}

	@Test
	void rotatePasswordOnTheLeaderSetsANewPassword() {
		State state = this.scenario.defaultState()
			.withLeader(true)
			.withLeaderSettings(Map.of(AdminPassword.KEY, "oldPasswordOldPasswordOldPasswor"));

		Result result = this.scenario.run(Event.action("rotate-password", Map.of()), state);

		assertThat(result.action().status()).isEqualTo("completed");
		assertThat(result.state().leaderSettings().get(AdminPassword.KEY)).hasSize(32)
			.isNotEqualTo("oldPasswordOldPasswordOldPasswor");
	}

	@Test
	void configOfTheWrongTypeIsRejectedBeforeRunning() {
		State state = this.scenario.defaultState().withConfig(Map.of("password-length", "long"));

		assertThatExceptionOfType(InconsistentScenarioException.class)
			.isThrownBy(() -> this.scenario.run(Event.configChanged(), state))
			.withMessageContaining("password-length");
	}

	private static long calls(Result result, String tool) {
		return result.toolCalls().stream().map(ToolCallRecord::call).filter((c) -> c.tool().equals(tool)).count();
	}
}
