package io.springcharm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class CharmMetadataTests {

	@TempDir
	Path dir;

	@Test
	void readsTheTopLevelName() throws IOException {
		assertThat(name("# comment\nsummary: x\nname: my-charm\nrequires:\n  db:\n    name: not-this\n"))
			.isEqualTo("my-charm");
	}

	@Test
	void readsAQuotedNameWithAComment() throws IOException {
		assertThat(name("name: \"db2\"  # the charm\n")).isEqualTo("db2");
	}

	@Test
	void failsWithoutAName() {
		assertThatIllegalArgumentException().isThrownBy(() -> name("summary: x\n  name: nested\n"))
			.withMessageContaining("no top-level 'name:'");
	}

	@Test
	void rejectsNamesJujuRejects() {
		for (String bad : List.of("My-Charm", "1charm", "charm-", "a--b", "charm-1")) {
			assertThatIllegalArgumentException().as(bad).isThrownBy(() -> CharmMetadata.validate(bad));
		}
		CharmMetadata.validate("mysql-k8s");
	}

	@Test
	void rendersManifestBases() {
		assertThat(new CharmManifest(List.of("ubuntu@22.04", "ubuntu@24.04"), List.of("amd64")).render())
			.isEqualTo("""
					# Written by charm-maven-plugin.
					bases:
					- name: ubuntu
					  channel: "22.04"
					  architectures:
					  - amd64
					- name: ubuntu
					  channel: "24.04"
					  architectures:
					  - amd64
					""");
		assertThatIllegalArgumentException().isThrownBy(() -> new CharmManifest(List.of("jammy"), List.of("amd64")));
	}

	@Test
	void namesLibrariesAndPrefixesClashingOnesWithTheirGroup() {
		var own = new CharmLibraries.Library.Jar("com.example", "my-charm", "1.0", "", Path.of("target/my-charm-1.0.jar"));
		var a = new CharmLibraries.Library.Jar("org.a", "util", "2.0", "", Path.of("a.jar"));
		var b = new CharmLibraries.Library.Jar("org.b", "util", "2.0", "", Path.of("b.jar"));
		var c = new CharmLibraries.Library.Jar("org.c", "netty", "4.2", "linux-x86_64", Path.of("c.jar"));
		assertThat(CharmLibraries.layout(own, List.of(a, b, c))).extracting(CharmLibraries.Library::name)
			.containsExactly("lib/my-charm-1.0.jar", "lib/org.a.util-2.0.jar", "lib/org.b.util-2.0.jar",
					"lib/netty-4.2-linux-x86_64.jar");
	}

	private String name(String yaml) throws IOException {
		return CharmMetadata.name(Files.writeString(this.dir.resolve("metadata.yaml"), yaml));
	}
}
