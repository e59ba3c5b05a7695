package io.springcharm.test.process;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CharmArchiveTest {

	@TempDir
	Path dir;

	@Test
	void unpackKeepsUnixModesAndLinks() throws IOException {
		Path charm = this.dir.resolve("app.charm");
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(charm)) {
			file(zip, "dispatch", 0755, "#!/bin/sh\n");
			file(zip, "metadata.yaml", 0644, "name: app\n");
			file(zip, "lib/secret.key", 0600, "k");
			directory(zip, "hooks/", 0750);
			link(zip, "hooks/install", "../dispatch");
		}
		Path unpacked = CharmArchive.prepare(charm, this.dir.resolve("unpacked"));
		assertThat(mode(unpacked.resolve("dispatch"))).isEqualTo("rwxr-xr-x");
		assertThat(mode(unpacked.resolve("metadata.yaml"))).isEqualTo("rw-r--r--");
		assertThat(mode(unpacked.resolve("lib/secret.key"))).isEqualTo("rw-------");
		assertThat(mode(unpacked.resolve("hooks"))).isEqualTo("rwxr-x---");
		assertThat(Files.isSymbolicLink(unpacked.resolve("hooks/install"))).isTrue();
		assertThat(Files.readSymbolicLink(unpacked.resolve("hooks/install"))).isEqualTo(Path.of("../dispatch"));
		assertThat(unpacked.resolve("metadata.yaml")).hasContent("name: app");
	}

	@Test
	void dispatchWithoutExecuteBitIsRefusedClearly() throws IOException {
		Path charm = this.dir.resolve("app.charm");
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(charm)) {
			file(zip, "dispatch", 0644, "#!/bin/sh\n");
			file(zip, "metadata.yaml", 0644, "name: app\n");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.prepare(charm, this.dir.resolve("u")))
			.withMessageContaining("dispatch is not executable");
	}

	@Test
	void missingMetadataOrDispatchIsRefused() throws IOException {
		Path noMetadata = Files.createDirectories(this.dir.resolve("a"));
		Files.writeString(noMetadata.resolve("dispatch"), "#!/bin/sh\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.prepare(noMetadata, this.dir.resolve("x")))
			.withMessageContaining("has no metadata.yaml");
		Path noDispatch = Files.createDirectories(this.dir.resolve("b"));
		Files.writeString(noDispatch.resolve("metadata.yaml"), "name: b\n");
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.prepare(noDispatch, this.dir.resolve("y")))
			.withMessageContaining("has no dispatch");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> CharmArchive.prepare(this.dir.resolve("absent.charm"), this.dir.resolve("z")))
			.withMessageContaining("no such charm");
	}

	@Test
	void aCharmDirectoryIsUsedInPlace() throws IOException {
		Path charm = Files.createDirectories(this.dir.resolve("charm"));
		Files.writeString(charm.resolve("metadata.yaml"), "name: c\n");
		Files.writeString(charm.resolve("dispatch"), "#!/bin/sh\n");
		Files.setPosixFilePermissions(charm.resolve("dispatch"), PosixFilePermissions.fromString("rwxr-xr-x"));
		assertThat(CharmArchive.prepare(charm, this.dir.resolve("unused"))).isEqualTo(charm);
		assertThat(this.dir.resolve("unused")).doesNotExist();
	}

	@Test
	void entriesEscapingTheTargetAreRefused() throws IOException {
		Path charm = this.dir.resolve("evil.charm");
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(charm)) {
			file(zip, "../escaped", 0644, "x");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.unpack(charm, this.dir.resolve("t")))
			.withMessageContaining("bad entry");
		assertThat(this.dir.resolve("escaped")).doesNotExist();

		Path links = this.dir.resolve("links.charm");
		try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(links)) {
			link(zip, "etc", "../../etc");
		}
		assertThatIllegalArgumentException().isThrownBy(() -> CharmArchive.unpack(links, this.dir.resolve("t2")))
			.withMessageContaining("bad link");
	}

	private static String mode(Path path) throws IOException {
		return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
	}

	private static void file(ZipArchiveOutputStream zip, String name, int mode, String content) throws IOException {
		ZipArchiveEntry entry = new ZipArchiveEntry(name);
		entry.setUnixMode(0100000 | mode);
		zip.putArchiveEntry(entry);
		zip.write(content.getBytes(StandardCharsets.UTF_8));
		zip.closeArchiveEntry();
	}

	private static void directory(ZipArchiveOutputStream zip, String name, int mode) throws IOException {
		ZipArchiveEntry entry = new ZipArchiveEntry(name);
		entry.setUnixMode(040000 | mode);
		zip.putArchiveEntry(entry);
		zip.closeArchiveEntry();
	}

	private static void link(ZipArchiveOutputStream zip, String name, String target) throws IOException {
		ZipArchiveEntry entry = new ZipArchiveEntry(name);
		entry.setUnixMode(0120777);
		zip.putArchiveEntry(entry);
		zip.write(target.getBytes(StandardCharsets.UTF_8));
		zip.closeArchiveEntry();
	}
}
