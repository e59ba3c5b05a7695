package io.springcharm.maven;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * An unpacked charm in a test's temporary directory: a real, tiny main class in
 * {@code lib/charm.jar} that behaves like {@code CharmApplication} (one line and exit 2
 * outside a hook, "ok" on stdout in one), and the rendered {@code dispatch}.
 */
final class TestCharm {

	static final String MAIN = "test.TinyCharm";

	private static final String SOURCE = """
			package test;
			public class TinyCharm {
				public static void main(String[] args) {
					if (System.getenv("JUJU_CONTEXT_ID") == null) {
						System.err.println("TinyCharm: not started by Juju");
						System.exit(2);
					}
					java.util.List<String> words = new java.util.ArrayList<>(java.util.List.of("o", "k"));
					System.out.println(words.stream().map(String::valueOf).reduce("", String::concat));
					System.exit(0);
				}
			}
			""";

	final Path dir;

	TestCharm(Path dir, List<String> jvmOptions) throws IOException {
		this.dir = dir;
		Files.createDirectories(dir.resolve("lib"));
		writeJar(dir.resolve("lib/charm.jar"), dir.resolveSibling(dir.getFileName() + "-build"));
		String script = new DispatchScript(MAIN, List.of("lib/charm.jar"), jvmOptions, false, true, "test1").render();
		Path dispatch = Files.writeString(dir.resolve("dispatch"), script);
		Files.setPosixFilePermissions(dispatch, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	/** Writes a fake JDK whose java prints its arguments; {@code version} null means no release file. */
	static Path fakeJdk(Path home, String version) throws IOException {
		Files.createDirectories(home.resolve("bin"));
		if (version != null) {
			Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\nJAVA_VERSION=\"" + version + "\"\n");
		}
		Path java = Files.writeString(home.resolve("bin/java"), """
				#!/bin/sh
				if [ "$1" = -version ]; then echo 'openjdk version "%s" 2025-01-01' >&2; exit 0; fi
				echo "fake java $0"
				for a in "$@"; do echo "arg $a"; done
				echo "JUJU_DISPATCH_PATH=$JUJU_DISPATCH_PATH"
				""".formatted((version != null) ? version : "21.0.2"));
		Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
		return home;
	}

	/** A PATH directory with only the utilities dispatch may use (no java). */
	static Path utilities(Path dir) throws IOException {
		Files.createDirectories(dir);
		for (String tool : List.of("readlink", "stat", "cksum", "mkdir", "mv", "rm", "find", "setsid", "cat")) {
			for (String bin : List.of("/usr/bin/", "/bin/")) {
				if (Files.isExecutable(Path.of(bin + tool)) && !Files.exists(dir.resolve(tool))) {
					Path wrapper = Files.writeString(dir.resolve(tool), "#!/bin/sh\nexec " + bin + tool + " \"$@\"\n");
					Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
				}
			}
		}
		return dir;
	}

	Result run(Map<String, String> environment) throws IOException, InterruptedException {
		return run(this.dir, environment);
	}

	/** Runs the dispatch of a charm directory, such as a copy of this one. */
	static Result run(Path charmDir, Map<String, String> environment) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(charmDir.resolve("dispatch").toString());
		builder.environment().clear();
		builder.environment().putAll(environment);
		builder.redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
		Process process = builder.start();
		// Read both streams fully; neither is large.
		var err = new java.util.concurrent.CompletableFuture<String>();
		Thread reader = new Thread(() -> {
			try {
				err.complete(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
			}
			catch (IOException ex) {
				err.completeExceptionally(ex);
			}
		});
		reader.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(5, TimeUnit.MINUTES)) {
			process.destroyForcibly();
			throw new IllegalStateException("dispatch did not end");
		}
		reader.join();
		return new Result(process.exitValue(), out, err.join());
	}

	static Map<String, String> hookEnvironment(Path dir) {
		Map<String, String> env = new HashMap<>();
		env.put("JUJU_UNIT_NAME", "tiny/0");
		env.put("JUJU_CONTEXT_ID", "tiny/0-install-1");
		env.put("JUJU_DISPATCH_PATH", "hooks/install");
		env.put("JUJU_CHARM_DIR", dir.toString());
		env.put("PATH", "/usr/bin:/bin");
		return env;
	}

	private static void writeJar(Path jar, Path build) throws IOException {
		Path sources = Files.createDirectories(build.resolve("src/test"));
		Path classes = Files.createDirectories(build.resolve("classes"));
		Path source = Files.writeString(sources.resolve("TinyCharm.java"), SOURCE);
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> args = new ArrayList<>(List.of("--release", "17", "-d", classes.toString(), source.toString()));
		if (compiler.run(null, null, null, args.toArray(String[]::new)) != 0) {
			throw new IllegalStateException("cannot compile the test charm");
		}
		try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
			jarOut.putNextEntry(new JarEntry("test/TinyCharm.class"));
			jarOut.write(Files.readAllBytes(classes.resolve("test/TinyCharm.class")));
			jarOut.closeEntry();
		}
	}

	record Result(int exitCode, String out, String err) {

		List<String> errLines() {
			return this.err.lines().toList();
		}
	}
}
