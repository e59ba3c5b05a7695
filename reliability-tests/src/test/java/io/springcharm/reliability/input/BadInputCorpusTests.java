package io.springcharm.reliability.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.springcharm.framework.json.Json;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.reliability.input.charm.InputProbeCharm;
import io.springcharm.test.juju.HookContext;
import io.springcharm.test.juju.JujuModel;
import io.springcharm.test.model.ActionResult;
import io.springcharm.test.model.InProcessHookExecutor;
import io.springcharm.test.model.LocalModel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.springcharm.reliability.input.charm.InputProbeCharm.KEY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A corpus of awkward values sent through every write path a charm has, in charm-test's
 * in-memory Juju: each value must either come back exactly from what Juju stored, or be
 * refused with a message that names the key and not the value. An empty value written
 * with leader-set or relation-set must delete the key, which is Juju's documented meaning.
 */
class BadInputCorpusTests {

	private static final Path CHARM = Path.of("src/test/resources/input-charm");

	private static final String UNIT = "input-probe/0";

	private static final int MAX_ARG_BYTES = 131071;

	/** The write paths, with whether Juju reads the value from argv and whether "" deletes. */
	enum WritePath {

		LEADER("leader", true, true), RELATION("relation", false, true), ACTION("action", true, false),
		UNIT_STATE("unit-state", false, false), CHARM_STATE("charm-state", false, false);

		final String target;

		final boolean argv;

		final boolean emptyDeletes;

		WritePath(String target, boolean argv, boolean emptyDeletes) {
			this.target = target;
			this.argv = argv;
			this.emptyDeletes = emptyDeletes;
		}

	}

	enum Outcome {

		ROUND_TRIP, DELETED, REFUSED

	}

	record Input(String name, String value) {
	}

	@TempDir
	Path root;

	private LocalModel model;

	private int relationId;

	private int inputFiles;

	@BeforeEach
	void deploy() {
		this.model = LocalModel.builder()
			.charmDirectory(CHARM)
			.executor(new InProcessHookExecutor(InputProbeCharm.class))
			.root(this.root.resolve("model"))
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
	void everyValueRoundTripsOrIsRefusedWithItsKeyOnEveryWritePath() throws IOException {
		List<String> altered = new ArrayList<>();
		Map<Outcome, Integer> counts = new EnumMap<>(Outcome.class);
		Map<WritePath, Map<Outcome, Integer>> perPath = new EnumMap<>(WritePath.class);
		int tried = 0;
		for (WritePath path : WritePath.values()) {
			for (Input input : corpus()) {
				tried++;
				Outcome outcome = probe(path, input, altered);
				if (outcome != null) {
					counts.merge(outcome, 1, Integer::sum);
					perPath.computeIfAbsent(path, (p) -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
				}
			}
		}
		System.out.println("inputs per path: " + perPath);
		System.out.printf("inputs: %d tried (%d round-tripped, %d deleted as documented, %d refused with the key named), "
				+ "%d altered silently%n", tried, counts.getOrDefault(Outcome.ROUND_TRIP, 0),
				counts.getOrDefault(Outcome.DELETED, 0), counts.getOrDefault(Outcome.REFUSED, 0), altered.size());
		assertThat(altered).as("inputs altered silently or mishandled").isEmpty();
		assertThat(tried).isEqualTo(corpus().size() * WritePath.values().length);
		// Each path must both keep something and refuse something, or the corpus is not probing it.
		assertThat(perPath.get(WritePath.LEADER)).containsKeys(Outcome.ROUND_TRIP, Outcome.DELETED, Outcome.REFUSED);
		assertThat(perPath.get(WritePath.RELATION)).containsKeys(Outcome.ROUND_TRIP, Outcome.DELETED);
		assertThat(perPath.get(WritePath.ACTION)).containsKeys(Outcome.ROUND_TRIP, Outcome.REFUSED);
		assertThat(perPath.get(WritePath.CHARM_STATE)).containsKeys(Outcome.ROUND_TRIP, Outcome.REFUSED);
		assertThat(perPath.get(WritePath.UNIT_STATE)).containsOnlyKeys(Outcome.ROUND_TRIP);
	}

	@Test
	void anEmptyValueIsStoredNotDeletedByStateSetAndTheUnitState() throws IOException {
		for (WritePath path : List.of(WritePath.CHARM_STATE, WritePath.UNIT_STATE)) {
			write(path, "before");
			ActionResult result = write(path, "");
			assertThat(result.completed()).as(path.target).isTrue();
			assertThat(stored(path, result)).as(path.target).isEqualTo("");
		}
	}

	@Test
	void theInMemoryLeaderSetTrimsAsciiWhitespaceAsJujuDoes() {
		assertThat(inMemoryLeaderSet(" \tvalue \n")).isEqualTo("value");
		assertThat(inMemoryLeaderSet("\u3000value\u2003")).isEqualTo("value");
	}

	@Test
	void theInMemoryLeaderSetTrimsExactlyWhatGoTrimSpaceTrims() {
		assertThat(inMemoryLeaderSet("value\u00A0")).isEqualTo("value");
		assertThat(inMemoryLeaderSet("\u0085value")).isEqualTo("value");
		assertThat(inMemoryLeaderSet("value\u2007")).isEqualTo("value");
		assertThat(inMemoryLeaderSet("value\u202F")).isEqualTo("value");
		assertThat(inMemoryLeaderSet("value\u001F")).isEqualTo("value\u001F");
	}

	@Test
	void leaderSetRefusesValuesThatJujuWouldTrimAsUnicodeSpace() throws IOException {
		for (String value : List.of("value\u00A0", "\u0085value", "value\u2007", "\u202Fvalue")) {
			ActionResult result = write(WritePath.LEADER, value);
			assertThat(result.status()).as("leader-set of a value ending in U+%04X", (int) value.charAt(value.length() - 1))
				.isEqualTo("failed");
		}
	}

	// --- the corpus --------------------------------------------------------------------------

	/** The values tried on every path; names only describe them, for messages. */
	static List<Input> corpus() {
		List<Input> inputs = new ArrayList<>();
		inputs.add(new Input("empty", ""));
		inputs.add(new Input("one space", " "));
		inputs.add(new Input("whitespace only", " \t\n "));
		inputs.add(new Input("leading spaces", "  leading"));
		inputs.add(new Input("trailing spaces", "trailing  "));
		inputs.add(new Input("leading newline", "\nline"));
		inputs.add(new Input("trailing newline", "line\n"));
		inputs.add(new Input("inner newlines", "line one\nline two\r\nline three"));
		inputs.add(new Input("trailing tab", "tabbed\t"));
		inputs.add(new Input("inner tab", "a\tb"));
		inputs.add(new Input("ideographic space around", "\u3000wide\u3000"));
		inputs.add(new Input("NUL inside", "before\0after"));
		inputs.add(new Input("NUL only", "\0"));
		inputs.add(new Input("equals", "="));
		inputs.add(new Input("equals inside", "a=b=c"));
		inputs.add(new Input("leading dash", "-x"));
		inputs.add(new Input("double dash", "--"));
		inputs.add(new Input("option-like", "--file=-"));
		inputs.add(new Input("YAML null", "null"));
		inputs.add(new Input("YAML tilde", "~"));
		inputs.add(new Input("YAML boolean", "true"));
		inputs.add(new Input("YAML number", "1e3"));
		inputs.add(new Input("YAML map", "{a: b}"));
		inputs.add(new Input("quotes and backslashes", "\"q\" 'q' C:\\dir\\n"));
		inputs.add(new Input("non-Latin", "Ελληνικά русский 日本語 한국어"));
		inputs.add(new Input("emoji", "\uD83D\uDE80 deploy \uD83C\uDF89\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67"));
		inputs.add(new Input("right-to-left", "שלום עולם مرحبا بالعالم"));
		inputs.add(new Input("bidi override", "\u202Eevil\u202C"));
		inputs.add(new Input("zero-width and BOM", "\uFEFF\u200Bhidden\u200B"));
		inputs.add(new Input("combining mark", "e\u0301"));
		inputs.add(new Input("exactly one argv argument", "a".repeat(MAX_ARG_BYTES - (KEY + "=").length())));
		inputs.add(new Input("one byte over one argv argument", "a".repeat(MAX_ARG_BYTES - (KEY + "=").length() + 1)));
		inputs.add(new Input("over one argv argument in 3-byte characters", "\u20AC".repeat(43_690)));
		inputs.add(new Input("131072 bytes", "b".repeat(131_072)));
		inputs.add(new Input("1 MiB", "m".repeat(1 << 20)));
		return inputs;
	}

	// --- probing -----------------------------------------------------------------------------

	/**
	 * Writes one value through one path and judges what Juju stored.
	 * @param altered where a description of a value that was neither kept nor refused
	 * properly is added (never the value itself)
	 * @return the outcome, or {@code null} when it was wrong
	 */
	private Outcome probe(WritePath path, Input input, List<String> altered) throws IOException {
		String what = path.target + " / " + input.name() + " (" + utf8(input.value()) + " bytes)";
		boolean deletes = input.value().isEmpty() && path.emptyDeletes;
		if (deletes) {
			ActionResult seeded = write(path, "seeded before the delete");
			if (!"seeded before the delete".equals(stored(path, seeded))) {
				altered.add(what + ": could not seed a value to delete");
				return null;
			}
		}
		String before = (path == WritePath.ACTION) ? null : stored(path, null);
		Path file = inputFile(input.value());
		ActionResult result = run(path, file);
		Path refusal = Path.of(file + InputProbeCharm.REFUSED_SUFFIX);
		if (Files.exists(refusal)) {
			String message = Files.readString(refusal, StandardCharsets.UTF_8);
			List<String> problems = new ArrayList<>();
			if (!message.contains("'" + KEY + "'")) {
				problems.add("the message does not name the key");
			}
			if (distinctive(input.value()) && message.contains(input.value())) {
				problems.add("the message contains the value");
			}
			if (!"failed".equals(result.status())) {
				problems.add("the action did not fail");
			}
			String after = stored(path, result);
			if (path == WritePath.ACTION ? after != null : !java.util.Objects.equals(after, before)) {
				problems.add("something was stored although the value was refused");
			}
			if (!problems.isEmpty()) {
				altered.add(what + ": refused, but " + problems);
				return null;
			}
			return Outcome.REFUSED;
		}
		if (!result.completed()) {
			altered.add(what + ": the action failed without a refusal: " + result.message());
			return null;
		}
		String after = stored(path, result);
		if (deletes) {
			if (after != null) {
				altered.add(what + ": the empty value did not delete the key");
				return null;
			}
			return Outcome.DELETED;
		}
		if (!input.value().equals(after)) {
			altered.add(what + ": stored " + ((after != null) ? utf8(after) + " different bytes" : "nothing"));
			return null;
		}
		if (path.argv && !goTrimSpace(input.value()).equals(input.value())) {
			// The simulator kept it, but Juju would trim it: that is a silent change too.
			altered.add(what + ": passed in argv although Juju would trim it");
			return null;
		}
		return Outcome.ROUND_TRIP;
	}

	private ActionResult write(WritePath path, String value) throws IOException {
		return run(path, inputFile(value));
	}

	private ActionResult run(WritePath path, Path file) {
		return this.model.runAction(UNIT, "write", Map.of("file", file.toString(), "target", path.target));
	}

	private Path inputFile(String value) throws IOException {
		Path dir = Files.createDirectories(this.root.resolve("inputs"));
		return Files.writeString(dir.resolve("input-" + (++this.inputFiles)), value, StandardCharsets.UTF_8);
	}

	/**
	 * What Juju holds under the key after a write through a path: leader settings, this
	 * unit's relation bag, the action's results, the committed unit-state file, or the
	 * controller-side charm state.
	 * @param result the action just run, for the action path
	 * @return the stored value, or {@code null} when the key is absent
	 */
	private String stored(WritePath path, ActionResult result) throws IOException {
		JujuModel juju = this.model.model();
		return switch (path) {
			case LEADER -> juju.leaderSettings().get(KEY);
			case RELATION -> juju.unitData(this.relationId, UNIT).get(KEY);
			case ACTION -> (result != null) ? (String) result.results().get(KEY) : null;
			case UNIT_STATE -> committedUnitState().get(KEY);
			case CHARM_STATE -> {
				Map<String, String> state = juju.charmState(UNIT);
				yield (state != null) ? state.get(KEY) : null;
			}
		};
	}

	/** The values of the unit-state file as the framework last committed it. */
	@SuppressWarnings("unchecked")
	private Map<String, String> committedUnitState() throws IOException {
		Path file = this.model.unit(UNIT).charmDir().resolve(UnitState.FILE_NAME);
		if (!Files.exists(file)) {
			return Map.of();
		}
		Map<String, Object> root = (Map<String, Object>) Json.parse(Files.readString(file, StandardCharsets.UTF_8));
		return new LinkedHashMap<>((Map<String, String>) root.get("values"));
	}

	/**
	 * Writes {@code probe=<value>} with leader-set straight into a fresh in-memory Juju, as
	 * the hook tool would receive it in argv, and returns what Juju stored.
	 */
	private static String inMemoryLeaderSet(String value) {
		JujuModel juju = new JujuModel(CharmMetadata.load(CHARM));
		String unit = juju.addUnit();
		juju.setLeader(unit);
		HookContext context = juju.beginHook(unit, "update-status", Map.of());
		ToolResult result = context.run(new ToolCall("leader-set", List.of(KEY + "=" + value), null, Set.of(0)));
		context.commit();
		assertThat(result.isSuccess()).isTrue();
		return juju.leaderSettings().get(KEY);
	}

	/** Go's {@code strings.TrimSpace}: unicode.IsSpace at both ends. */
	static String goTrimSpace(String text) {
		int start = 0;
		int end = text.length();
		while (start < end && goIsSpace(text.codePointAt(start))) {
			start += Character.charCount(text.codePointAt(start));
		}
		while (end > start && goIsSpace(text.codePointBefore(end))) {
			end -= Character.charCount(text.codePointBefore(end));
		}
		return text.substring(start, end);
	}

	/** Go's {@code unicode.IsSpace}: the Latin-1 list, then the Unicode White_Space property. */
	static boolean goIsSpace(int c) {
		if (c <= 0xFF) {
			return c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r' || c == ' ' || c == 0x85
					|| c == 0xA0;
		}
		return c == 0x1680 || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
				|| c == 0x205F || c == 0x3000;
	}

	/** Whether a message containing the value would really be showing it (not just "-" or "a"). */
	private static boolean distinctive(String value) {
		return value.strip().length() >= 3;
	}

	private static int utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8).length;
	}
}
