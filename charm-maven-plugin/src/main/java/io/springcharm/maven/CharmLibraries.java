package io.springcharm.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Names the charm's jars in {@code lib/}, in class path order: the charm's own jar first,
 * then its runtime dependencies in Maven's resolution order. A jar is named
 * {@code artifactId-version[-classifier].jar}, prefixed with its group id when two
 * dependencies would otherwise share a name.
 */
public final class CharmLibraries {

	/** The folder inside the charm that holds the jars. */
	public static final String FOLDER = "lib/";

	private CharmLibraries() {
	}

	/**
	 * Lays out the jars.
	 * @param charmJar the charm module's own jar
	 * @param dependencies its runtime dependencies, in resolution order
	 * @return every jar with its path inside the charm, in class path order
	 */
	public static List<Library> layout(Library.Jar charmJar, List<Library.Jar> dependencies) {
		List<Library.Jar> all = new ArrayList<>();
		all.add(charmJar);
		all.addAll(dependencies);
		Set<String> plain = new HashSet<>();
		Set<String> clashing = new HashSet<>();
		for (Library.Jar jar : all) {
			if (!plain.add(jar.fileName())) {
				clashing.add(jar.fileName());
			}
		}
		List<Library> libraries = new ArrayList<>();
		for (Library.Jar jar : all) {
			String name = clashing.contains(jar.fileName()) ? jar.groupId() + "." + jar.fileName() : jar.fileName();
			libraries.add(new Library(FOLDER + sanitize(name), jar.file()));
		}
		return libraries;
	}

	// Keeps the names plain: they are written, unquoted by the JVM, into dispatch's class path.
	private static String sanitize(String name) {
		return name.replaceAll("[^A-Za-z0-9._+-]", "_");
	}

	/**
	 * A jar at its place in the charm.
	 * @param name the path inside the charm, for example {@code lib/spring-core-7.0.10.jar}
	 * @param file the jar on disk
	 */
	public record Library(String name, Path file) {

		/**
		 * A jar as Maven resolved it.
		 * @param groupId its group id
		 * @param artifactId its artifact id
		 * @param version its version (the base version for snapshots)
		 * @param classifier its classifier, or empty
		 * @param file the jar on disk
		 */
		public record Jar(String groupId, String artifactId, String version, String classifier, Path file) {

			String fileName() {
				return this.artifactId + "-" + this.version + (this.classifier.isEmpty() ? "" : "-" + this.classifier)
						+ ".jar";
			}
		}
	}
}
