package io.springcharm.framework.metadata;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * What the charm declares: metadata.yaml (name, relations, storage, containers, resources),
 * config.yaml (options) and actions.yaml, or the same sections of charmcraft.yaml.
 *
 * @param name the charm name
 * @param summary one-line summary
 * @param endpoints relation endpoints by name
 * @param options config options by name
 * @param actions actions by name
 * @param storage storage names
 * @param containers workload container names
 * @param resources resource names ({@code resource-get} answers only these) to the file name
 * each declares, empty when it declares none (an {@code oci-image})
 */
public record CharmMetadata(String name, String summary, Map<String, Endpoint> endpoints,
		Map<String, ConfigOption> options, Map<String, ActionSpec> actions, Set<String> storage,
		Set<String> containers, Map<String, String> resources) {

	/**
	 * Reads the charm's YAML files from its directory: charmcraft.yaml's sections when it
	 * declares {@code name}, otherwise metadata.yaml with config.yaml and actions.yaml when
	 * present.
	 * @param charmDir the charm directory
	 * @return the metadata
	 * @throws MetadataException naming the file and field that is wrong
	 */
	public static CharmMetadata load(Path charmDir) {
		Map<String, Object> charmcraft = read(charmDir.resolve("charmcraft.yaml"));
		if (charmcraft != null && charmcraft.containsKey("name")) {
			return parse("charmcraft.yaml", charmcraft, "charmcraft.yaml", map(charmcraft, "config", "charmcraft.yaml"),
					"charmcraft.yaml", map(charmcraft, "actions", "charmcraft.yaml"));
		}
		Map<String, Object> metadata = read(charmDir.resolve("metadata.yaml"));
		if (metadata == null) {
			throw new MetadataException("metadata.yaml: not found in " + charmDir);
		}
		return parse("metadata.yaml", metadata, "config.yaml", read(charmDir.resolve("config.yaml")), "actions.yaml",
				read(charmDir.resolve("actions.yaml")));
	}

	/**
	 * Builds metadata from already-parsed YAML documents.
	 * @param metadataFile the file name to use in messages
	 * @param metadata the metadata.yaml document
	 * @param configFile the config file name to use in messages
	 * @param config the config.yaml document, or {@code null}
	 * @param actionsFile the actions file name to use in messages
	 * @param actions the actions.yaml document, or {@code null}
	 * @return the metadata
	 */
	public static CharmMetadata parse(String metadataFile, Map<String, Object> metadata, String configFile,
			@Nullable Map<String, Object> config, String actionsFile, @Nullable Map<String, Object> actions) {
		Object name = metadata.get("name");
		if (!(name instanceof String n) || n.isBlank()) {
			throw new MetadataException(metadataFile + ": 'name' must be a non-empty string");
		}
		Map<String, Endpoint> endpoints = new LinkedHashMap<>();
		for (Endpoint.Role role : Endpoint.Role.values()) {
			String section = role.name().toLowerCase(java.util.Locale.ROOT);
			Map<String, Object> declared = map(metadata, section, metadataFile);
			if (declared == null) {
				continue;
			}
			declared.forEach((endpoint, spec) -> {
				String where = metadataFile + ": '" + section + "." + endpoint + "'";
				if (!(spec instanceof Map<?, ?> m) || !(m.get("interface") instanceof String iface)) {
					throw new MetadataException(where + " must be a map with an 'interface' string");
				}
				if (endpoints.put(endpoint, new Endpoint(endpoint, iface, role)) != null) {
					throw new MetadataException(where + " is declared more than once");
				}
			});
		}
		return new CharmMetadata(n, string(metadata.get("summary")), Map.copyOf(endpoints),
				options(configFile, config), actions(actionsFile, actions),
				keys(map(metadata, "storage", metadataFile)), keys(map(metadata, "containers", metadataFile)),
				resources(map(metadata, "resources", metadataFile)));
	}

	/** The peer endpoints, in declaration order. */
	public List<Endpoint> peers() {
		return this.endpoints.values().stream().filter(Endpoint::isPeer).toList();
	}

	/**
	 * Checks config values against the declared option types.
	 * @param values option name to value, as {@code config-get} returns them
	 * @throws MetadataException naming the first option whose value has the wrong type
	 */
	public void checkConfig(Map<String, Object> values) {
		values.forEach((key, value) -> {
			ConfigOption option = this.options.get(key);
			if (option != null && !option.accepts(value)) {
				throw new MetadataException("config option '" + key + "' is declared as "
						+ option.type().yamlName() + " in config.yaml but Juju gave a "
						+ value.getClass().getSimpleName());
			}
		});
	}

	private static Map<String, ConfigOption> options(String file, @Nullable Map<String, Object> config) {
		Map<String, ConfigOption> options = new LinkedHashMap<>();
		Map<String, Object> declared = (config != null) ? map(config, "options", file) : null;
		if (declared == null) {
			return Map.of();
		}
		declared.forEach((option, spec) -> {
			String where = file + ": 'options." + option + "'";
			if (!(spec instanceof Map<?, ?> m)) {
				throw new MetadataException(where + " must be a map");
			}
			Object type = m.get("type");
			ConfigOption.Type parsed = ConfigOption.Type.parse((type != null) ? type.toString() : "string",
					where + ".type");
			ConfigOption result = new ConfigOption(option, parsed, m.get("default"), string(m.get("description")));
			if (!result.accepts(result.defaultValue())) {
				throw new MetadataException(where + ".default is not a " + parsed.yamlName());
			}
			options.put(option, result);
		});
		return Map.copyOf(options);
	}

	private static Map<String, ActionSpec> actions(String file, @Nullable Map<String, Object> actions) {
		if (actions == null) {
			return Map.of();
		}
		Map<String, ActionSpec> specs = new LinkedHashMap<>();
		actions.forEach((action, spec) -> {
			Map<String, Object> m = (spec == null) ? Map.of() : asMap(spec, file + ": '" + action + "'");
			Map<String, Object> params = map(m, "params", file + ": '" + action + "'");
			specs.put(action, new ActionSpec(action, string(m.get("description")), (params != null) ? params : Map.of()));
		});
		return Map.copyOf(specs);
	}

	private static @Nullable Map<String, Object> read(Path file) {
		try (Reader reader = Files.newBufferedReader(file)) {
			Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(reader);
			if (document == null) {
				return Map.of();
			}
			return asMap(document, file.getFileName().toString());
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException ex) {
			throw new MetadataException(file.getFileName() + ": cannot be read: " + ex.getMessage(), ex);
		}
		catch (YAMLException ex) {
			throw new MetadataException(file.getFileName() + ": is not valid YAML: " + ex.getMessage(), ex);
		}
	}

	private static @Nullable Map<String, Object> map(Map<String, Object> parent, String key, String file) {
		Object value = parent.get(key);
		return (value == null) ? null : asMap(value, file + ": '" + key + "'");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> asMap(Object value, String where) {
		if (!(value instanceof Map<?, ?> m)) {
			throw new MetadataException(where + " must be a map");
		}
		for (Object key : m.keySet()) {
			if (!(key instanceof String)) {
				throw new MetadataException(where + " has a key that is not a string: " + key);
			}
		}
		return (Map<String, Object>) m;
	}

	private static Map<String, String> resources(@Nullable Map<String, Object> declared) {
		Map<String, String> resources = new LinkedHashMap<>();
		if (declared != null) {
			declared.forEach((name, spec) -> resources.put(name,
					(spec instanceof Map<?, ?> m && m.get("filename") instanceof String file) ? file : ""));
		}
		return Map.copyOf(resources);
	}

	private static Set<String> keys(@Nullable Map<String, Object> map) {
		return (map != null) ? Set.copyOf(map.keySet()) : Set.of();
	}

	private static String string(@Nullable Object value) {
		return (value != null) ? value.toString() : "";
	}
}
