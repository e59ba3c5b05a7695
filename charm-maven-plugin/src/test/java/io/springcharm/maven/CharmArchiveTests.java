package io.springcharm.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collections;
import java.util.List;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CharmArchiveTests {

	private static final FileTime TIME = FileTime.from(Instant.parse("2026-01-02T03:04:05Z"));

	@TempDir
	Path dir;

	@Test
	void writesEntriesInOrderWithTheirUnixModes() throws IOException {
		Path jar = Files.writeString(this.dir.resolve("app.jar"), "not really a jar");
		Path charm = this.dir.resolve("out/test.charm");
		CharmArchive.write(charm, List.of(CharmFile.of("dispatch", "#!/bin/sh\n", CharmFile.EXECUTABLE, TIME),
				CharmFile.of("metadata.yaml", "name: test\n", CharmFile.REGULAR, TIME),
				CharmFile.of("lib/app.jar", jar, CharmFile.REGULAR),
				CharmFile.of("runtime/bin/java", "elf", CharmFile.EXECUTABLE, TIME)));
		try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
			List<ZipArchiveEntry> entries = Collections.list(zip.getEntries());
			assertThat(entries).extracting(ZipArchiveEntry::getName)
				.containsExactly("dispatch", "metadata.yaml", "lib/app.jar", "runtime/bin/java");
			assertThat(entries).extracting((entry) -> entry.getUnixMode() & 0777).containsExactly(0755, 0644, 0644, 0755);
			assertThat(entries).allSatisfy((entry) -> {
				assertThat(entry.getPlatform()).isEqualTo(ZipArchiveEntry.PLATFORM_UNIX);
				assertThat(entry.isUnixSymlink()).isFalse();
			});
			assertThat(new String(zip.getInputStream(zip.getEntry("lib/app.jar")).readAllBytes(), StandardCharsets.UTF_8))
				.isEqualTo("not really a jar");
			assertThat(zip.getEntry("dispatch").getLastModifiedTime().toInstant()).isEqualTo(TIME.toInstant());
		}
		assertThat(this.dir.resolve("out")).isDirectoryNotContaining("glob:**.tmp");
	}

	@Test
	void keepsTheSourceFilesModificationTime() throws IOException {
		Path jar = Files.writeString(this.dir.resolve("a.jar"), "x");
		Files.setLastModifiedTime(jar, TIME);
		Path charm = this.dir.resolve("t.charm");
		CharmArchive.write(charm, List.of(CharmFile.of("lib/a.jar", jar, CharmFile.REGULAR)));
		try (ZipFile zip = ZipFile.builder().setPath(charm).get()) {
			assertThat(zip.getEntry("lib/a.jar").getLastModifiedTime().toInstant()).isEqualTo(TIME.toInstant());
		}
	}

	@Test
	void rejectsTheSameNameTwice() {
		List<CharmFile> files = List.of(CharmFile.of("dispatch", "a", CharmFile.EXECUTABLE, TIME),
				CharmFile.of("dispatch", "b", CharmFile.EXECUTABLE, TIME));
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.write(this.dir.resolve("x.charm"), files))
			.withMessageContaining("'dispatch' would be in the charm twice");
	}

	@Test
	void rejectsNamesThatLeaveTheCharm() {
		assertThatIllegalArgumentException().isThrownBy(() -> CharmFile.of("../evil", "x", CharmFile.REGULAR, TIME));
		assertThatIllegalArgumentException().isThrownBy(() -> CharmFile.of("/etc/passwd", "x", CharmFile.REGULAR, TIME));
		assertThatIllegalArgumentException().isThrownBy(() -> CharmFile.of("lib/../x", "x", CharmFile.REGULAR, TIME));
	}

	@Test
	void rejectsModesBeyondPermissions() {
		assertThatIllegalArgumentException().isThrownBy(() -> CharmFile.of("x", "x", 04755, TIME));
	}
}
