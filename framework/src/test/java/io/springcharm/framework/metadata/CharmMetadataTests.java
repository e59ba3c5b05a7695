package io.springcharm.framework.metadata;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.entry;

class CharmMetadataTests {

	@TempDir
	Path charmDir;

	@Test
	void readsMetadataConfigAndActionsYaml() throws IOException {
		write("metadata.yaml", """
				name: web
				summary: A web app
				provides:
				  website: {interface: http}
				requires:
				  db: {interface: mysql}
				peers:
				  cluster: {interface: web-peers}
				storage:
				  data: {type: filesystem}
				containers:
				  server: {resource: image}
				resources:
				  image: {type: oci-image}
				  software: {type: file, filename: software.tgz}
				""");
		write("config.yaml", """
				options:
				  port: {type: int, default: 8080, description: Listen port}
				  name: {default: web}
				  ratio: {type: float, default: 1}
				  debug: {type: boolean}
				  token: {type: secret}
				""");
		write("actions.yaml", """
				backup:
				  description: Back up
				  params:
				    target: {type: string}
				noop:
				""");
		CharmMetadata metadata = CharmMetadata.load(this.charmDir);
		assertThat(metadata.name()).isEqualTo("web");
		assertThat(metadata.summary()).isEqualTo("A web app");
		assertThat(metadata.endpoints()).containsOnlyKeys("website", "db", "cluster");
		assertThat(metadata.endpoints().get("db")).isEqualTo(new Endpoint("db", "mysql", Endpoint.Role.REQUIRES));
		assertThat(metadata.peers()).extracting(Endpoint::name).containsExactly("cluster");
		assertThat(metadata.storage()).containsExactly("data");
		assertThat(metadata.containers()).containsExactly("server");
		assertThat(metadata.resources()).containsOnly(entry("image", ""), entry("software", "software.tgz"));
		assertThat(metadata.options().get("port")).isEqualTo(
				new ConfigOption("port", ConfigOption.Type.INT, 8080, "Listen port"));
		assertThat(metadata.options().get("name").type()).isEqualTo(ConfigOption.Type.STRING);
		assertThat(metadata.options().get("debug").defaultValue()).isNull();
		assertThat(metadata.actions().get("backup").params()).containsOnlyKeys("target");
		assertThat(metadata.actions().get("noop").description()).isEmpty();
	}

	@Test
	void readsCharmcraftYamlWhenItDeclaresTheName() throws IOException {
		write("metadata.yaml", "name: ignored\n");
		write("charmcraft.yaml", """
				name: unified
				type: charm
				requires:
				  db: {interface: pgsql}
				config:
				  options:
				    level: {type: string, default: info}
				actions:
				  restart: {description: Restart}
				resources:
				  agent: {type: file, filename: agent.bin}
				""");
		CharmMetadata metadata = CharmMetadata.load(this.charmDir);
		assertThat(metadata.name()).isEqualTo("unified");
		assertThat(metadata.resources()).containsOnly(entry("agent", "agent.bin"));
		assertThat(metadata.endpoints()).containsOnlyKeys("db");
		assertThat(metadata.options()).containsOnlyKeys("level");
		assertThat(metadata.actions()).containsOnlyKeys("restart");
	}

	@Test
	void charmcraftYamlWithoutANameDefersToMetadataYaml() throws IOException {
		write("charmcraft.yaml", "type: charm\n");
		write("metadata.yaml", "name: classic\n");
		assertThat(CharmMetadata.load(this.charmDir).name()).isEqualTo("classic");
	}

	@Test
	void aMissingMetadataFileIsNamed() {
		assertThatExceptionOfType(MetadataException.class).isThrownBy(() -> CharmMetadata.load(this.charmDir))
			.withMessageContaining("metadata.yaml: not found");
	}

	@Test
	void malformedFilesAreReportedByFileAndField() throws IOException {
		assertFails("metadata.yaml", "summary: no name\n", "metadata.yaml: 'name'");
		assertFails("metadata.yaml", "name: [unclosed\n", "metadata.yaml: is not valid YAML");
		assertFails("metadata.yaml", "- a list\n", "metadata.yaml must be a map");
		assertFails("metadata.yaml", "name: x\nrequires:\n  db: mysql\n", "metadata.yaml: 'requires.db'");
		assertFails("metadata.yaml", "name: x\nprovides:\n  db: {interface: a}\nrequires:\n  db: {interface: b}\n",
				"declared more than once");
		write("metadata.yaml", "name: x\n");
		assertFails("config.yaml", "options:\n  port: {type: integer}\n", "config.yaml: 'options.port'.type");
		assertFails("config.yaml", "options:\n  port: {type: int, default: eighty}\n",
				"config.yaml: 'options.port'.default is not a int");
		assertFails("config.yaml", "options:\n  port: 8080\n", "config.yaml: 'options.port' must be a map");
		Files.delete(this.charmDir.resolve("config.yaml"));
		assertFails("actions.yaml", "backup: [a]\n", "actions.yaml: 'backup' must be a map");
	}

	@Test
	void checkConfigAcceptsValuesOfTheDeclaredTypes() throws IOException {
		CharmMetadata metadata = typedConfig();
		Map<String, Object> values = new HashMap<>();
		values.put("port", 8080);
		values.put("big", 8080L);
		values.put("ratio", 2);
		values.put("debug", true);
		values.put("name", "x");
		values.put("token", "secret:abc");
		values.put("undeclared", 1.5);
		values.put("unset", null);
		metadata.checkConfig(values);
		assertThat(values).hasSize(8);
	}

	@Test
	void checkConfigNamesTheOptionWithTheWrongType() throws IOException {
		CharmMetadata metadata = typedConfig();
		assertThatExceptionOfType(MetadataException.class).isThrownBy(() -> metadata.checkConfig(Map.of("port", "80")))
			.withMessageContaining("'port'")
			.withMessageContaining("int")
			.withMessageContaining("String");
		assertThatExceptionOfType(MetadataException.class)
			.isThrownBy(() -> metadata.checkConfig(Map.of("port", 1.5)))
			.withMessageContaining("Double");
		assertThatExceptionOfType(MetadataException.class)
			.isThrownBy(() -> metadata.checkConfig(Map.of("debug", "true")))
			.withMessageContaining("boolean");
	}

	private CharmMetadata typedConfig() throws IOException {
		write("metadata.yaml", "name: x\n");
		write("config.yaml", """
				options:
				  port: {type: int}
				  big: {type: int}
				  ratio: {type: float}
				  debug: {type: boolean}
				  name: {type: string}
				  token: {type: secret}
				  unset: {type: string}
				""");
		return CharmMetadata.load(this.charmDir);
	}

	private void assertFails(String file, String content, String message) throws IOException {
		write(file, content);
		assertThatExceptionOfType(MetadataException.class).isThrownBy(() -> CharmMetadata.load(this.charmDir))
			.withMessageContaining(message);
	}

	private void write(String file, String content) throws IOException {
		Files.writeString(this.charmDir.resolve(file), content);
	}
}
