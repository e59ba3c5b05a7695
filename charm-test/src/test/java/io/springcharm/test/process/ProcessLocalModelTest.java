package io.springcharm.test.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.springcharm.test.model.HookRecord;
import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link LocalModel} driving a shell-script charm through real processes. */
class ProcessLocalModelTest {

	static final String METADATA = """
			name: shell
			summary: a charm written in sh
			peers:
			  cluster:
			    interface: shell-cluster
			""";

	static final String CONFIG = """
			options:
			  greeting:
			    type: string
			    default: hello
			""";

	static final String DISPATCH = """
			#!/bin/sh
			set -e
			root="$SPRING_CHARM_MACHINE_ROOT"
			case "$JUJU_DISPATCH_PATH" in
			  hooks/cluster-relation-joined)
			    relation-set --file - <<YAML
			from: $JUJU_UNIT_NAME
			YAML
			    ;;
			  hooks/cluster-relation-changed)
			    if [ -n "$JUJU_REMOTE_UNIT" ]; then
			      relation-get --format=json - "$JUJU_REMOTE_UNIT" > "$root/seen-$(echo "$JUJU_REMOTE_UNIT" | tr / -)"
			    fi
			    ;;
			  hooks/config-changed)
			    status-set active "$(config-get greeting)"
			    if [ "$(config-get greeting)" = "boom" ]; then echo "refusing boom" >&2; exit 1; fi
			    ;;
			  hooks/leader-elected)
			    [ "$(is-leader)" = "True" ] && leader-set elected="$JUJU_UNIT_NAME"
			    ;;
			esac
			""";

	@TempDir
	Path dir;

	private LocalModel model(ProcessHookExecutor executor) throws IOException {
		Path charm = ShellCharms.charm(this.dir.resolve("charm"), METADATA, DISPATCH);
		Files.writeString(charm.resolve("config.yaml"), CONFIG);
		return LocalModel.builder()
			.charmDirectory(charm)
			.executor(executor)
			.root(this.dir.resolve("model"))
			.build();
	}

	private ProcessHookExecutor executor() {
		return ProcessHookExecutor.builder()
			.root(this.dir.resolve("runner"))
			.cacheDirectory(this.dir.resolve("cache"))
			.build();
	}

	@Test
	void twoUnitsRunJujusSequenceAndSeeEachOthersRelationData() throws IOException {
		ProcessHookExecutor executor = executor();
		try (LocalModel model = model(executor)) {
			model.deploy(2);

			List<String> unit0 = hooks(model.hookLog(), "shell/0");
			assertThat(unit0.subList(0, 5)).containsExactly("install", "cluster-relation-created", "leader-elected",
					"config-changed", "start");
			assertThat(unit0).contains("cluster-relation-joined", "cluster-relation-changed");
			assertThat(unit0.indexOf("cluster-relation-joined")).isLessThan(unit0.indexOf("cluster-relation-changed"));
			List<String> unit1 = hooks(model.hookLog(), "shell/1");
			assertThat(unit1.subList(0, 5)).containsExactly("install", "cluster-relation-created",
					"leader-settings-changed", "config-changed", "start");
			assertThat(model.hookLog()).allMatch(HookRecord::succeeded);

			// Written by shell/0's relation-set --file -, committed, read by shell/1's relation-get.
			UnitView other = model.unit("shell/1");
			assertThat(other.machineRoot().resolve("seen-shell-0")).content().contains("\"from\":\"shell/0\"");
			assertThat(model.unit("shell/0").machineRoot().resolve("seen-shell-1")).content()
				.contains("\"from\":\"shell/1\"");
			assertThat(model.leaderSettings()).containsEntry("elected", "shell/0");
			assertThat(model.units()).extracting(UnitView::workloadStatus).containsOnly("active");

			// The process executor saw the same hooks as the model logged.
			assertThat(executor.measurements()).hasSameSizeAs(model.hookLog());
			assertThat(executor.measurements()).extracting(HookMeasurement::hook)
				.containsExactlyElementsOf(model.hookLog().stream().map(HookRecord::hook).toList());
		}
	}

	@Test
	void aFailingProcessPutsTheUnitInErrorAndCommitsNothing() throws IOException {
		try (LocalModel model = model(executor())) {
			model.deploy(1);
			model.config(Map.of("greeting", "boom"));
			UnitView unit = model.unit("shell/0");
			assertThat(unit.agentState()).isEqualTo("error");
			assertThat(unit.workloadMessage()).isEqualTo("hook failed: \"config-changed\"");
			assertThat(model.failureOutput("shell/0")).contains("refusing boom");
			model.config(Map.of("greeting", "calm"));
			assertThat(model.unit("shell/0").workloadStatus()).isEqualTo("active");
			assertThat(model.unit("shell/0").workloadMessage()).isEqualTo("calm");
		}
	}

	private static List<String> hooks(List<HookRecord> log, String unit) {
		return log.stream().filter((r) -> r.unit().equals(unit)).map(HookRecord::hook).toList();
	}
}
