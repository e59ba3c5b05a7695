package io.springcharm.maven;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The charm's {@code manifest.yaml}, in charmcraft's format: the bases (OS and
 * architectures) the charm runs on, which Juju reads to pick a machine.
 *
 * @param bases the bases, for example {@code ubuntu@22.04}
 * @param architectures the architectures every base lists, for example {@code amd64}
 */
public record CharmManifest(List<String> bases, List<String> architectures) {

	private static final Pattern BASE = Pattern.compile("([a-z]+)@([0-9]+(\\.[0-9]+)*)");

	private static final Pattern ARCHITECTURE = Pattern.compile("[a-z0-9]+");

	public CharmManifest {
		Objects.requireNonNull(bases, "'bases' must not be null");
		Objects.requireNonNull(architectures, "'architectures' must not be null");
		if (bases.isEmpty() || architectures.isEmpty()) {
			throw new IllegalArgumentException("a charm needs at least one base and one architecture");
		}
		bases.forEach((base) -> {
			if (!BASE.matcher(base).matches()) {
				throw new IllegalArgumentException("'" + base + "' is not a base of the form name@channel, e.g. ubuntu@24.04");
			}
		});
		architectures.forEach((architecture) -> {
			if (!ARCHITECTURE.matcher(architecture).matches()) {
				throw new IllegalArgumentException("'" + architecture + "' is not an architecture, e.g. amd64");
			}
		});
		bases = List.copyOf(bases);
		architectures = List.copyOf(architectures);
	}

	/**
	 * Renders the YAML.
	 * @return the file's text
	 */
	public String render() {
		StringBuilder yaml = new StringBuilder("# Written by charm-maven-plugin.\nbases:\n");
		for (String base : this.bases) {
			int at = base.indexOf('@');
			yaml.append("- name: ").append(base, 0, at).append('\n');
			yaml.append("  channel: \"").append(base.substring(at + 1)).append("\"\n");
			yaml.append("  architectures:\n");
			this.architectures.forEach((architecture) -> yaml.append("  - ").append(architecture).append('\n'));
		}
		return yaml.toString();
	}
}
