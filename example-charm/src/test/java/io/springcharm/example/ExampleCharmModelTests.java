package io.springcharm.example;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.model.ActionResult;
import io.springcharm.test.model.InProcessHookExecutor;
import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitView;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several units of the example charm in one model, hooks run in this JVM in Juju's order.
 */
class ExampleCharmModelTests {

	@TempDir
	Path root;

	private LocalModel model;

	@BeforeEach
	void deploy() {
		this.model = LocalModel.builder()
			.charmDirectory(Path.of("src/main/charm"))
			.executor(new InProcessHookExecutor(ExampleCharm.class))
			.root(this.root)
			.build();
		this.model.deploy(3);
	}

	@AfterEach
	void close() {
		this.model.close();
	}

	@Test
	void everyUnitStoresTheSamePasswordAndOnlyTheLeaderEverWritesIt() throws IOException {
		assertThat(this.model.units()).extracting(UnitView::workloadStatus).containsOnly("active");
		String password = this.model.leaderSettings().get(AdminPassword.KEY);
		assertThat(password).hasSize(32);
		for (UnitView unit : this.model.units()) {
			Path file = passwordFile(unit, "/etc/foopass");
			assertThat(file).hasContent(password);
			assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		}
		assertThat(leaderSets()).isEqualTo(1);
	}

	@Test
	void aQuietUpdateStatusChangesNothingAndMakesAtMostThreeToolCalls() {
		int before = this.model.model().toolCalls().size();
		this.model.updateStatus();
		List<ToolCallRecord> calls = this.model.model().toolCalls().subList(before, this.model.model().toolCalls().size());
		Map<String, Long> perUnit = calls.stream().collect(Collectors.groupingBy(ToolCallRecord::unit, Collectors.counting()));
		assertThat(perUnit).hasSize(3).allSatisfy((unit, count) -> assertThat(count).isLessThanOrEqualTo(3));
		assertThat(calls).extracting((c) -> c.call().tool()).doesNotContain("leader-set", "status-set");
	}

	@Test
	void changingPasswordFileWritesTheNewFileAndRemovesTheOld() {
		this.model.config(Map.of("password-file", "/srv/secret/admin"));
		String password = this.model.leaderSettings().get(AdminPassword.KEY);
		for (UnitView unit : this.model.units()) {
			assertThat(passwordFile(unit, "/srv/secret/admin")).hasContent(password);
			assertThat(passwordFile(unit, "/etc/foopass")).doesNotExist();
		}
	}

	@Test
	void aBadPasswordLengthBlocksEveryUnitAndLeavesTheFilesAlone() {
		String password = this.model.leaderSettings().get(AdminPassword.KEY);
		this.model.config(Map.of("password-length", 200));
		assertThat(this.model.units()).extracting(UnitView::workloadStatus).containsOnly("blocked");
		assertThat(this.model.leaderSettings()).containsEntry(AdminPassword.KEY, password);
		this.model.units().forEach((unit) -> assertThat(passwordFile(unit, "/etc/foopass")).hasContent(password));
	}

	@Test
	void rotatingOnTheLeaderRewritesEveryUnitsFile() {
		String old = this.model.leaderSettings().get(AdminPassword.KEY);
		String leader = leader();
		ActionResult result = this.model.runAction(leader, "rotate-password", Map.of());
		assertThat(result.completed()).as(result.message()).isTrue();
		String rotated = this.model.leaderSettings().get(AdminPassword.KEY);
		assertThat(rotated).isNotEqualTo(old).hasSize(32);
		this.model.units().forEach((unit) -> assertThat(passwordFile(unit, "/etc/foopass")).hasContent(rotated));
	}

	@Test
	void rotatingOnAFollowerFailsAndChangesNothing() {
		String old = this.model.leaderSettings().get(AdminPassword.KEY);
		String follower = this.model.units().stream().filter((u) -> !u.leader()).findFirst().orElseThrow().name();
		ActionResult result = this.model.runAction(follower, "rotate-password", Map.of());
		assertThat(result.status()).isEqualTo("failed");
		assertThat(result.message()).contains("leader");
		assertThat(this.model.leaderSettings()).containsEntry(AdminPassword.KEY, old);
	}

	@Test
	void removingTheLeaderElectsAnotherWithoutRegenerating() {
		String password = this.model.leaderSettings().get(AdminPassword.KEY);
		String oldLeader = leader();
		this.model.removeUnit(oldLeader);
		Set<String> leaders = this.model.units().stream().filter(UnitView::leader).map(UnitView::name)
			.collect(Collectors.toSet());
		assertThat(leaders).hasSize(1).doesNotContain(oldLeader);
		assertThat(this.model.leaderSettings()).containsEntry(AdminPassword.KEY, password);
		assertThat(leaderSets()).isEqualTo(1);
	}

	@Test
	void aNewUnitCatchesUpWithTheExistingPassword() {
		String unit = this.model.addUnit();
		UnitView added = this.model.unit(unit);
		assertThat(added.workloadStatus()).isEqualTo("active");
		assertThat(passwordFile(added, "/etc/foopass")).hasContent(this.model.leaderSettings().get(AdminPassword.KEY));
	}

	private String leader() {
		return this.model.units().stream().filter(UnitView::leader).findFirst().orElseThrow().name();
	}

	private long leaderSets() {
		return this.model.model().toolCalls().stream().filter((c) -> c.call().tool().equals("leader-set")).count();
	}

	private static Path passwordFile(UnitView unit, String path) {
		return unit.machineRoot().resolve(path.substring(1));
	}
}
