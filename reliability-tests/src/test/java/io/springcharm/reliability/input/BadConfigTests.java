package io.springcharm.reliability.input;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.springcharm.example.ExampleCharm;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.metadata.MetadataException;
import io.springcharm.test.model.InProcessHookExecutor;
import io.springcharm.test.model.LocalModel;
import io.springcharm.test.model.UnitView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Wrong config values and malformed metadata.yaml or config.yaml fail with a message that
 * names the file and the field, and never the offending value when it could be a secret.
 */
class BadConfigTests {

	private static final String METADATA = "name: probe\nsummary: s\n";

	@TempDir
	Path dir;

	@Test
	void aConfigValueOfTheWrongTypeNamesTheOptionAndConfigYamlButNotTheValue() throws IOException {
		CharmMetadata metadata = load(METADATA, "options:\n  port:\n    type: int\n    default: 80\n");
		assertThatExceptionOfType(MetadataException.class)
			.isThrownBy(() -> metadata.checkConfig(Map.of("port", "s3cr3t-not-a-number")))
			.withMessageContaining("'port'")
			.withMessageContaining("config.yaml")
			.withMessageNotContaining("s3cr3t-not-a-number");
		assertThatExceptionOfType(MetadataException.class)
			.isThrownBy(() -> metadata.checkConfig(Map.of("port", 1.5)))
			.withMessageContaining("'port'");
	}

	@Test
	void aDefaultOfTheWrongTypeNamesTheFileAndOption() {
		assertThat(failure(METADATA, "options:\n  port:\n    type: int\n    default: eighty\n"))
			.contains("config.yaml").contains("options.port").contains("default");
	}

	@Test
	void anUnknownOptionTypeNamesTheFileAndOption() {
		assertThat(failure(METADATA, "options:\n  port:\n    type: integer\n"))
			.contains("config.yaml").contains("options.port").contains("integer");
	}

	@Test
	void optionsThatAreNotAMapNameTheFileAndField() {
		assertThat(failure(METADATA, "options:\n  - port\n")).contains("config.yaml").contains("'options'");
		assertThat(failure(METADATA, "options:\n  port: 80\n")).contains("config.yaml").contains("options.port");
	}

	@Test
	void malformedMetadataNamesTheFileAndField() {
		assertThat(failure("summary: no name\n", null)).contains("metadata.yaml").contains("'name'");
		assertThat(failure("name: ''\n", null)).contains("metadata.yaml").contains("'name'");
		assertThat(failure(METADATA + "requires:\n  db: {}\n", null)).contains("metadata.yaml")
			.contains("requires.db")
			.contains("interface");
		assertThat(failure(METADATA + "requires:\n  db: {interface: a}\nprovides:\n  db: {interface: a}\n", null))
			.contains("metadata.yaml")
			.contains("db")
			.contains("more than once");
		assertThat(failure(METADATA + "peers: [cluster]\n", null)).contains("metadata.yaml").contains("'peers'");
	}

	@Test
	void yamlThatDoesNotParseOrIsNotAMapNamesTheFile() {
		assertThat(failure("name: [unclosed\n", null)).contains("metadata.yaml").contains("not valid YAML");
		assertThat(failure("- a list\n", null)).contains("metadata.yaml").contains("must be a map");
		assertThat(failure(METADATA, "options: {port: {type: int\n")).contains("config.yaml").contains("not valid YAML");
		assertThat(failure(null, null)).contains("metadata.yaml").contains("not found");
	}

	@Test
	void anOutOfRangePasswordLengthBlocksTheExampleCharmNamingTheOption() {
		try (LocalModel model = LocalModel.builder()
			.charmDirectory(Path.of("../example-charm/src/main/charm"))
			.executor(new InProcessHookExecutor(ExampleCharm.class))
			.root(this.dir)
			.build()) {
			model.deploy(1);
			model.config(Map.of("password-length", 5));
			UnitView unit = model.units().get(0);
			assertThat(unit.workloadStatus()).isEqualTo("blocked");
			assertThat(unit.workloadMessage()).contains("password-length");
			assertThat(unit.agentState()).isEqualTo("idle");
		}
	}

	private CharmMetadata load(String metadata, String config) throws IOException {
		Files.writeString(this.dir.resolve("metadata.yaml"), metadata);
		if (config != null) {
			Files.writeString(this.dir.resolve("config.yaml"), config);
		}
		return CharmMetadata.load(this.dir);
	}

	/**
	 * Writes the files into a fresh directory, loads them and returns the failure message.
	 * @param metadata metadata.yaml's text, or {@code null} for no file
	 * @param config config.yaml's text, or {@code null} for no file
	 */
	private String failure(String metadata, String config) {
		try {
			Path charm = Files.createTempDirectory(this.dir, "charm");
			if (metadata != null) {
				Files.writeString(charm.resolve("metadata.yaml"), metadata);
			}
			if (config != null) {
				Files.writeString(charm.resolve("config.yaml"), config);
			}
			CharmMetadata.load(charm);
		}
		catch (MetadataException ex) {
			return ex.getMessage();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		throw new AssertionError("metadata " + metadata + " / config " + config + " was accepted");
	}
}
