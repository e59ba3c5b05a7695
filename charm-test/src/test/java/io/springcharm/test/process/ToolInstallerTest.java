package io.springcharm.test.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class ToolInstallerTest {

	@TempDir
	Path dir;

	@Test
	void linksEveryToolToOneNativeClientAndCachesTheBuild() throws IOException {
		ToolInstaller installer = new ToolInstaller(this.dir.resolve("cache"));
		assumeTrue(installer.compiler().isPresent(), "no C compiler");
		InstalledTools tools = installer.install(this.dir.resolve("tools"), null);
		assertThat(tools.client()).isEqualTo(ClientKind.NATIVE);
		assertThat(tools.hookRunner()).isExecutable();
		assertThat(tools.clientPath()).isExecutable();
		for (String tool : HookToolNames.ALL) {
			assertThat(Files.readSymbolicLink(tools.directory().resolve(tool))).isEqualTo(Path.of("jujuc"));
		}
		List<Path> cached = list(this.dir.resolve("cache"));
		assertThat(cached).hasSize(2);
		FileTime built = Files.getLastModifiedTime(cached.get(0));

		InstalledTools again = installer.install(this.dir.resolve("tools2"), null);
		assertThat(again.client()).isEqualTo(ClientKind.NATIVE);
		assertThat(list(this.dir.resolve("cache"))).isEqualTo(cached);
		assertThat(Files.getLastModifiedTime(cached.get(0))).isEqualTo(built);
	}

	@Test
	void withoutACompilerThePythonClientIsInstalled() throws IOException {
		InstalledTools tools = new ToolInstaller(this.dir.resolve("cache"), null).install(this.dir.resolve("tools"), null);
		assertThat(tools.client()).isEqualTo(ClientKind.PYTHON);
		assertThat(tools.hookRunner()).isNull();
		assertThat(Files.readString(tools.clientPath())).startsWith("#!/").contains("JUJU_CONTEXT_ID not set");
		assertThat(tools.clientPath()).isExecutable();
	}

	@Test
	void aBrokenCompilerFallsBackToPython() throws IOException {
		Path broken = Path.of("/bin/false");
		assumeTrue(Files.isExecutable(broken));
		InstalledTools tools = new ToolInstaller(this.dir.resolve("cache"), broken).install(this.dir.resolve("tools"), null);
		assertThat(tools.client()).isEqualTo(ClientKind.PYTHON);
		assertThat(tools.hookRunner()).isNull();
	}

	private static List<Path> list(Path directory) throws IOException {
		try (Stream<Path> files = Files.list(directory)) {
			return files.sorted().toList();
		}
	}
}
