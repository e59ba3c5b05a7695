package io.springcharm.example;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged {@code target/example-charm.charm}, as Juju receives it (runs after
 * {@code package}, as a failsafe integration test).
 */
class ExampleCharmPackageIT {

	private static final Path CHARM = Path.of("target/example-charm.charm");

	@TempDir
	Path unpacked;

	@Test
	void theCharmHoldsWhatJujuNeedsWithDispatchExecutable() throws IOException {
		try (ZipFile zip = ZipFile.builder().setPath(CHARM).get()) {
			List<String> names = Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
			assertThat(names).contains("dispatch", "metadata.yaml", "config.yaml", "actions.yaml", "manifest.yaml",
					"lib/example-charm-0.1.0-SNAPSHOT.jar", "lib/leadership-starter-0.1.0-SNAPSHOT.jar",
					"lib/charm-framework-0.1.0-SNAPSHOT.jar");
			assertThat(names).noneMatch((name) -> name.contains("jackson-databind"));
			assertThat(zip.getEntry("dispatch").getUnixMode() & 0777).isEqualTo(0755);
			assertThat(zip.getEntry("metadata.yaml").getUnixMode() & 0777).isEqualTo(0644);
			String manifest = new String(zip.getInputStream(zip.getEntry("manifest.yaml")).readAllBytes(),
					StandardCharsets.UTF_8);
			assertThat(manifest).contains("bases:").contains("ubuntu");
		}
	}

	@Test
	void dispatchOutsideAHookSaysSoAndFails() throws Exception {
		Path dispatch = unpack();
		Result result = run(dispatch, Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home")));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("not started by Juju").hasLineCount(1);
	}

	@Test
	void dispatchWithoutAUsableJavaSaysWhatIsMissing() throws Exception {
		Path dispatch = unpack();
		Result result = run(dispatch, Map.of("PATH", this.unpacked.resolve("empty").toString()));
		assertThat(result.exitCode()).isNotZero();
		assertThat(result.output()).contains("no Java 17 or newer found").hasLineCount(1);
	}

	private Path unpack() throws IOException {
		Files.createDirectories(this.unpacked.resolve("empty"));
		Path charm = this.unpacked.resolve("charm");
		try (ZipFile zip = ZipFile.builder().setPath(CHARM).get()) {
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				Path target = charm.resolve(entry.getName());
				if (entry.isDirectory()) {
					Files.createDirectories(target);
					continue;
				}
				Files.createDirectories(target.getParent());
				Files.copy(zip.getInputStream(entry), target);
				if ((entry.getUnixMode() & 0100) != 0) {
					target.toFile().setExecutable(true, false);
				}
			}
		}
		return charm.resolve("dispatch");
	}

	private static Result run(Path dispatch, Map<String, String> environment) throws Exception {
		ProcessBuilder builder = new ProcessBuilder(dispatch.toString()).directory(dispatch.getParent().toFile())
			.redirectErrorStream(true);
		builder.environment().clear();
		builder.environment().putAll(environment);
		Process process = builder.start();
		try {
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
			return new Result(process.exitValue(), output.strip());
		}
		finally {
			process.destroyForcibly();
		}
	}

	private record Result(int exitCode, String output) {
	}
}
