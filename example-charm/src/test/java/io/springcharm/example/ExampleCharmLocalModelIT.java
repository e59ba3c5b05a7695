package io.springcharm.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitView;
import io.springcharm.test.process.CharmArchive;
import io.springcharm.test.process.ProcessHookExecutor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged charm deployed as three units in the local model: every hook is a real
 * {@code dispatch} process with hook tools on its PATH.
 */
class ExampleCharmLocalModelIT {

	@TempDir
	Path root;

	@Test
	void threeUnitsShareOnePasswordAndALeaderChangeRegeneratesNothing() throws Exception {
		Path charmDir = CharmArchive.prepare(Path.of("target/example-charm.charm").toAbsolutePath(),
				this.root.resolve("charm"));
		try (LocalModel model = LocalModel.builder()
			.charmDirectory(charmDir)
			.executor(ProcessHookExecutor.builder().root(this.root).cacheDirectory(this.root.resolve("cache")).build())
			.root(this.root)
			.build()) {
			model.deploy(3);

			assertThat(model.units()).extracting(UnitView::workloadStatus).containsOnly("active");
			String password = model.leaderSettings().get("admin_password");
			assertThat(password).hasSize(32);
			for (UnitView unit : model.units()) {
				assertThat(Files.readString(unit.machineRoot().resolve("etc/foopass"))).isEqualTo(password);
			}
			assertThat(leaderSets(model)).isEqualTo(1);

			String oldLeader = model.units().stream().filter(UnitView::leader).findFirst().orElseThrow().name();
			model.removeUnit(oldLeader);
			Set<String> leaders = model.units().stream().filter(UnitView::leader).map(UnitView::name)
				.collect(Collectors.toSet());
			assertThat(leaders).hasSize(1).doesNotContain(oldLeader);
			assertThat(model.leaderSettings()).containsEntry("admin_password", password);
			assertThat(leaderSets(model)).isEqualTo(1);
			assertThat(model.units()).extracting(UnitView::workloadStatus).containsOnly("active");
		}
	}

	private static long leaderSets(LocalModel model) {
		return model.model().toolCalls().stream().filter((c) -> c.call().tool().equals("leader-set")).count();
	}
}
