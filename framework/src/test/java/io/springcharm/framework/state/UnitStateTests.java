package io.springcharm.framework.state;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class UnitStateTests {

	private final JsonMapper json = JsonMapper.shared();

	@TempDir
	Path charmDir;

	@Test
	void aMissingFileIsAnEmptyState() {
		try (UnitState state = load()) {
			assertThat(state.flagNames()).isEmpty();
			assertThat(state.get("anything")).isNull();
			assertThat(state.isModified()).isFalse();
		}
	}

	@Test
	void commitWritesAPrivateFileThatTheNextHookReads() throws IOException {
		try (UnitState state = load()) {
			state.put("greeting", "hello");
			state.put("nothing", null);
			new Flags(state).set("installed");
			state.commit();
			assertThat(state.isModified()).isFalse();
		}
		Path file = stateFile();
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (Stream files = new Stream(this.charmDir)) {
			assertThat(files.names()).containsExactlyInAnyOrder(UnitState.FILE_NAME, UnitState.FILE_NAME + ".lock");
		}
		try (UnitState state = load()) {
			assertThat(state.get("greeting")).isEqualTo("hello");
			assertThat(state.contains("nothing")).isTrue();
			assertThat(new Flags(state).isSet("installed")).isTrue();
		}
	}

	@Test
	void anUnchangedStateIsNotWritten() throws IOException {
		commitOnce("k", "v");
		Files.setLastModifiedTime(stateFile(), java.nio.file.attribute.FileTime.fromMillis(0));
		try (UnitState state = load()) {
			state.put("k", "v");
			new Flags(state).clear("never-set");
			state.commit();
		}
		assertThat(Files.getLastModifiedTime(stateFile()).toMillis()).isZero();
	}

	@Test
	void aHookThatDoesNotCommitLeavesThePreviousFileByteIdentical() throws IOException {
		commitOnce("k", "v");
		byte[] before = Files.readAllBytes(stateFile());
		try (UnitState state = load()) {
			state.put("k", "changed");
			new Flags(state).set("half-done");
		}
		assertThat(Files.readAllBytes(stateFile())).isEqualTo(before);
	}

	@Test
	void flagsRoundTrip() {
		try (UnitState state = load()) {
			Flags flags = new Flags(state);
			flags.set("db.ready");
			flags.set("leadership.changed.a");
			flags.set("leadership.changed.b");
			flags.toggle("web.ready", true);
			flags.clearAll("leadership.changed.");
			assertThat(flags.allSet("db.ready", "web.ready")).isTrue();
			assertThat(flags.anySet("nope", "db.ready")).isTrue();
			state.commit();
		}
		try (UnitState state = load()) {
			assertThat(new Flags(state).all()).containsExactly("db.ready", "web.ready");
		}
	}

	@Test
	void entriesAndRemoveAllWorkByPrefix() {
		try (UnitState state = load()) {
			state.put("config.a", "1");
			state.put("config.b", "2");
			state.put("configx", "3");
			assertThat(state.entries("config.")).containsOnlyKeys("a", "b");
			state.removeAll("config.");
			assertThat(state.contains("config.a")).isFalse();
			assertThat(state.get("configx")).isEqualTo("3");
		}
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "''|it is empty", "{\"format\": 1, \"values\": {|not valid JSON",
			"[1, 2]|not a JSON object", "{\"format\": 1, \"values\": []}|wrong shape",
			"{\"format\": 1, \"values\": {\"k\": {\"x\": 1}}}|'k'", "{\"values\": {}}|'format'" })
	void anUnreadableFileFailsClearlyAndIsLeftAlone(String content, String reason) throws IOException {
		Files.writeString(stateFile(), content);
		assertThatExceptionOfType(UnitStateException.class).isThrownBy(this::load)
			.withMessageContaining(UnitState.FILE_NAME)
			.withMessageContaining(reason)
			.withMessageContaining("move it aside");
		assertThat(Files.readString(stateFile())).isEqualTo(content);
	}

	@Test
	void aFileFromAFutureVersionIsRefusedAndLeftAlone() throws IOException {
		String content = "{\"format\": 2, \"values\": {}, \"flags\": []}";
		Files.writeString(stateFile(), content);
		assertThatExceptionOfType(UnitStateException.class).isThrownBy(this::load)
			.withMessageContaining("format 2")
			.withMessageContaining("cannot read");
		assertThat(Files.readString(stateFile())).isEqualTo(content);
	}

	@Test
	void formatZeroIsMigratedOnTheNextCommit() throws IOException {
		Files.writeString(stateFile(), "{\"greeting\": \"hello\", \"count\": 3, \"gone\": null}");
		try (UnitState state = load()) {
			assertThat(state.get("greeting")).isEqualTo("hello");
			assertThat(state.get("count")).isEqualTo("3");
			assertThat(state.contains("gone")).isTrue();
			assertThat(state.flagNames()).isEmpty();
			state.put("greeting", "hi");
			state.commit();
		}
		assertThat(this.json.readTree(stateFile().toFile()).path("format").asInt()).isEqualTo(1);
		try (UnitState state = load()) {
			assertThat(state.get("greeting")).isEqualTo("hi");
			assertThat(state.get("count")).isEqualTo("3");
		}
	}

	@Test
	void anInMemoryStateIsNeverWritten() {
		UnitState state = UnitState.inMemory();
		state.put("k", "v");
		state.commit();
		assertThat(Files.exists(Path.of(UnitState.FILE_NAME))).isFalse();
		assertThat(state.get("k")).isEqualTo("v");
	}

	@Test
	void anotherProcessSeesTheLockWhileAHookHoldsIt() throws Exception {
		Path lockFile = this.charmDir.resolve(UnitState.FILE_NAME + ".lock");
		try (UnitState state = load()) {
			assertThat(probe(lockFile)).isEqualTo("held");
		}
		assertThat(probe(lockFile)).isEqualTo("free");
	}

	private String probe(Path lockFile) throws Exception {
		String java = ProcessHandle.current().info().command().orElseThrow();
		Process process = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				LockProbe.class.getName(), lockFile.toString())
			.redirectErrorStream(true)
			.start();
		try {
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return out.strip();
		}
		finally {
			process.destroyForcibly();
		}
	}

	private void commitOnce(String key, String value) {
		try (UnitState state = load()) {
			state.put(key, value);
			state.commit();
		}
	}

	private UnitState load() {
		return UnitState.load(this.charmDir);
	}

	private Path stateFile() {
		return this.charmDir.resolve(UnitState.FILE_NAME);
	}

	/** The names of a directory's entries. */
	private static final class Stream implements AutoCloseable {

		private final java.util.stream.Stream<Path> paths;

		Stream(Path dir) throws IOException {
			this.paths = Files.list(dir);
		}

		List<String> names() {
			return this.paths.map((p) -> p.getFileName().toString()).toList();
		}

		@Override
		public void close() {
			this.paths.close();
		}
	}
}
