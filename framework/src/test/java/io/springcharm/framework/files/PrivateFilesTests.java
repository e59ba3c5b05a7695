package io.springcharm.framework.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateFilesTests {

	@TempDir
	Path dir;

	@Test
	void writesAPrivateFileCreatingItsDirectoriesAndLeavingNoTemporaryFile() throws Exception {
		Path file = this.dir.resolve("etc/app/secret");
		PrivateFiles.write(file, "s3cret");
		assertThat(file).hasContent("s3cret");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
		try (var entries = Files.list(file.getParent())) {
			assertThat(entries).containsExactly(file);
		}
	}

	@Test
	void replacesAnExistingFileAndTellsWhetherItHoldsAContent() throws Exception {
		Path file = this.dir.resolve("secret");
		assertThat(PrivateFiles.holds(file, "one")).isFalse();
		PrivateFiles.write(file, "one");
		PrivateFiles.write(file, "two");
		assertThat(PrivateFiles.holds(file, "two")).isTrue();
		assertThat(PrivateFiles.holds(file, "one")).isFalse();
	}

	@Test
	void removesTheLeftoversOfAKilledWriteOnly() throws Exception {
		Path file = this.dir.resolve("secret");
		PrivateFiles.write(file, "kept");
		Path leftover = Files.writeString(this.dir.resolve(".secret123.tmp"), "half");
		Path other = Files.writeString(this.dir.resolve(".other123.tmp"), "not ours");
		PrivateFiles.removeLeftovers(file);
		assertThat(leftover).doesNotExist();
		assertThat(other).exists();
		assertThat(file).hasContent("kept");
		PrivateFiles.removeLeftovers(this.dir.resolve("missing/secret"));
	}
}
