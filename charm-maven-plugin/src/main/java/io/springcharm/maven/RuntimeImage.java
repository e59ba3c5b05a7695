package io.springcharm.maven;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the Java runtime bundled in a charm's {@code runtime/} with {@code jlink} from the
 * JDK running the build: only the modules the charm's jars need (found by {@code jdeps}) plus
 * a few that Spring reaches by reflection, without debug data, headers and man pages, and
 * with the JDK's default class-data archive, on which the unit's archive is layered.
 */
public final class RuntimeImage {

	/**
	 * Modules always linked, measured by running a charm on a runtime of only these:
	 * {@code java.desktop} for {@code java.beans} (Spring's bean introspection),
	 * {@code jdk.unsupported} for {@code sun.misc.Unsafe}, {@code java.logging} for Spring's
	 * and Boot's logging fallback.
	 */
	public static final List<String> BASE_MODULES = List.of("java.base", "java.desktop", "java.logging",
			"jdk.unsupported");

	/**
	 * Files of the image left out of the charm: the default archive for heaps over 32 GiB,
	 * never used by a hook's small heap (10 MiB).
	 */
	public static final Set<String> LEFT_OUT = Set.of("lib/server/classes_nocoops.jsa");

	private RuntimeImage() {
	}

	/**
	 * Finds the modules the jars need.
	 * @param jars the charm's jars
	 * @param extra modules the charm asked for
	 * @param jdeps whether to add what {@code jdeps} finds in the jars (optional code paths
	 * of libraries included), or only the base modules and {@code extra}
	 * @return the sorted module names
	 */
	public static Set<String> modules(List<Path> jars, List<String> extra, boolean jdeps) {
		Set<String> modules = new TreeSet<>(BASE_MODULES);
		modules.addAll(extra);
		if (!jdeps) {
			return modules;
		}
		List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps", "-q",
				"--multi-release", Integer.toString(Runtime.version().feature()), "--class-path",
				String.join(java.io.File.pathSeparator, jars.stream().map(Path::toString).toList())));
		jars.forEach((jar) -> args.add(jar.toString()));
		String output = run("jdeps", args);
		Arrays.stream(output.strip().split("[,\\s]+")).filter((m) -> !m.isBlank()).forEach(modules::add);
		return modules;
	}

	/**
	 * Links a runtime image.
	 * @param modules the modules to link
	 * @param output the image's directory (replaced when it exists)
	 * @throws IOException when the old image cannot be removed
	 */
	public static void link(Set<String> modules, Path output) throws IOException {
		deleteRecursively(output);
		// zip-6 became the spelling in JDK 21; "2" still works there but warns.
		String compress = (Runtime.version().feature() >= 21) ? "zip-6" : "2";
		run("jlink", List.of("--add-modules", String.join(",", modules), "--output", output.toString(), "--strip-debug",
				"--no-header-files", "--no-man-pages", "--compress=" + compress, "--generate-cds-archive"));
	}

	private static String run(String tool, List<String> args) {
		ToolProvider provider = ToolProvider.findFirst(tool)
			.orElseThrow(() -> new IllegalStateException("'" + tool + "' is not available: the build must run on a JDK "
					+ "(not a JRE) to bundle a runtime"));
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		int exit = provider.run(new PrintWriter(out, true), new PrintWriter(err, true), args.toArray(String[]::new));
		if (exit != 0) {
			throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed (exit " + exit + "): "
					+ (err.toString() + out).strip());
		}
		return out.toString();
	}

	private static void deleteRecursively(Path dir) throws IOException {
		if (!Files.exists(dir)) {
			return;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
				Files.delete(path);
			}
		}
	}
}
