package io.springcharm.reliability.scale;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

import io.springcharm.framework.json.Json;
import io.springcharm.framework.state.UnitState;
import io.springcharm.reliability.scale.charm.ScaleProbeCharm;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.model.HookRecord;
import io.springcharm.test.model.InProcessHookExecutor;
import io.springcharm.test.model.LocalModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One relation whose remote application grows to 100 units, each joining, changing its data
 * and departing, in the local model with hooks run in this JVM: every hook succeeds, the
 * unit state tracks exactly the current members and shrinks back once they leave, and the
 * median time per hook kind is printed at 10 and at 100 members (not asserted).
 */
class HundredUnitsTests {

	private static final Path CHARM = Path.of("src/test/resources/scale-charm");

	private static final String UNIT = "scale-probe/0";

	/** What the unit-state file may grow by after a round, for JSON formatting of counters. */
	private static final int SLACK_BYTES = 64;

	@TempDir
	Path root;

	private LocalModel model;

	private int relationId;

	private int nextRemote;

	@BeforeEach
	void deploy() {
		this.model = LocalModel.builder()
			.charmDirectory(CHARM)
			.executor(new InProcessHookExecutor(ScaleProbeCharm.class))
			.root(this.root)
			.build();
		this.model.deploy(1);
		this.relationId = this.model.model().addRelation("db", "remote");
		this.model.settle();
	}

	@AfterEach
	void close() {
		this.model.close();
	}

	@Test
	void aHundredRemoteUnitsJoinChangeAndDepartWithEveryHookSucceedingAndTheStateBounded() throws IOException {
		long baseline = stateFileSize();
		Map<String, Duration> atTen = round(10);
		long afterTen = stateFileSize();
		Map<String, Duration> atHundred = round(100);
		long afterHundred = stateFileSize();
		System.out.println("unit-state file: " + baseline + " bytes before, " + afterTen + " after 10 departed, "
				+ afterHundred + " after 100 departed");
		for (String kind : atHundred.keySet()) {
			System.out.printf("median %-22s at 10 members: %6.2f ms, at 100 members: %6.2f ms%n", kind,
					millis(atTen.get(kind)), millis(atHundred.get(kind)));
		}
		assertThat(afterTen).isLessThanOrEqualTo(baseline + SLACK_BYTES);
		assertThat(afterHundred).isLessThanOrEqualTo(baseline + SLACK_BYTES);
		assertThat(atHundred).containsKeys("db-relation-joined", "db-relation-changed", "db-relation-departed");
	}

	/**
	 * Adds {@code members} remote units, settles, changes each one's data, settles, removes
	 * them all and settles, checking the hooks run and the state kept at each step.
	 * @return the median elapsed time per hook kind in this round
	 */
	private Map<String, Duration> round(int members) throws IOException {
		JujuModel juju = this.model.model();
		int firstHook = this.model.hookLog().size();
		int firstCall = this.model.toolCalls(UNIT).size();
		List<String> remotes = new ArrayList<>();
		for (int i = 0; i < members; i++) {
			String remote = "remote/" + (this.nextRemote++);
			remotes.add(remote);
			juju.addRemoteUnit(this.relationId, remote);
		}
		this.model.settle();
		assertThat(joinedFlags()).as("flags after %d joined", members)
			.containsExactlyInAnyOrderElementsOf(remotes.stream().map(ScaleProbeCharm::joinedFlag).toList());
		for (String remote : remotes) {
			juju.setUnitData(this.relationId, remote, Map.of("host", remote.replace('/', '-'), "port", "5432"));
		}
		this.model.settle();
		Map<String, String> values = stateValues();
		for (String remote : remotes) {
			// Juju's own keys (private-address and so on) are in the bag too.
			String keys = Integer.toString(juju.unitData(this.relationId, remote).size());
			assertThat(juju.unitData(this.relationId, remote)).containsEntry("port", "5432");
			assertThat(values).as("keys of %s", remote).containsEntry(ScaleProbeCharm.keysValue(remote), keys);
		}
		for (String remote : remotes) {
			juju.removeRemoteUnit(this.relationId, remote);
		}
		this.model.settle();
		assertThat(joinedFlags()).as("flags after %d departed", members).isEmpty();
		assertThat(stateValues().keySet()).noneMatch((key) -> key.startsWith("keys."));
		List<HookRecord> hooks = this.model.hookLog().subList(firstHook, this.model.hookLog().size());
		assertThat(hooks).allSatisfy((hook) -> assertThat(hook.succeeded()).as(hook.toString()).isTrue());
		Map<String, Long> perKind = hooks.stream().collect(Collectors.groupingBy(HookRecord::hook, Collectors.counting()));
		assertThat(perKind).containsEntry("db-relation-joined", (long) members)
			.containsEntry("db-relation-departed", (long) members);
		// One changed after each join, one after each data change.
		assertThat(perKind.get("db-relation-changed")).isEqualTo(2L * members);
		List<ToolCallRecord> calls = this.model.toolCalls(UNIT).subList(firstCall, this.model.toolCalls(UNIT).size());
		Map<String, Long> callsPerKind = calls.stream()
			.collect(Collectors.groupingBy(ToolCallRecord::hook, TreeMap::new, Collectors.counting()));
		callsPerKind.forEach((kind, count) -> System.out.printf("tool calls per %-22s at %3d members: %.1f%n", kind,
				members, (double) count / perKind.get(kind)));
		return medians(hooks);
	}

	/** The median elapsed time of each hook kind. */
	private static Map<String, Duration> medians(List<HookRecord> hooks) {
		Map<String, List<Duration>> byKind = new TreeMap<>();
		hooks.forEach((hook) -> byKind.computeIfAbsent(hook.hook(), (k) -> new ArrayList<>()).add(hook.elapsed()));
		Map<String, Duration> medians = new TreeMap<>();
		byKind.forEach((kind, elapsed) -> {
			List<Duration> sorted = elapsed.stream().sorted().toList();
			medians.put(kind, sorted.get(sorted.size() / 2));
		});
		return medians;
	}

	private long stateFileSize() throws IOException {
		Path file = this.model.unit(UNIT).charmDir().resolve(UnitState.FILE_NAME);
		return Files.exists(file) ? Files.size(file) : 0;
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> stateFile() throws IOException {
		Path file = this.model.unit(UNIT).charmDir().resolve(UnitState.FILE_NAME);
		return (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
	}

	@SuppressWarnings("unchecked")
	private List<String> joinedFlags() throws IOException {
		return ((List<String>) stateFile().get("flags")).stream().filter((flag) -> flag.startsWith("joined.")).toList();
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> stateValues() throws IOException {
		return (Map<String, String>) stateFile().get("values");
	}

	private static double millis(Duration duration) {
		return (duration != null) ? duration.toNanos() / 1e6 : Double.NaN;
	}
}
