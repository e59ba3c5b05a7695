package io.springcharm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.springcharm.maven.TestCharm.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Runs the generated {@code dispatch} as Juju would, with a tiny real charm or a fake
 * {@code java} that prints its arguments.
 */
class DispatchRunTests {

	private static final Path TEST_JDK = Path.of(System.getProperty("java.home"));

	// Where this project's machines have the JDK 25 the AOT-cache test needs; skipped elsewhere.
	private static final Path JDK_25 = Path.of(System.getProperty("charm.test.jdk25", "/usr/lib/jvm/temurin-25-jdk-amd64"));

	@TempDir
	Path tmp;

	@Test
	void outsideAHookTheCharmSaysSoInOneLineAndExits2() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Result result = charm.run(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", TEST_JDK.toString()));
		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.errLines()).containsExactly("TinyCharm: not started by Juju");
		// A failed run never leaves an archive behind.
		assertThat(archives(charm)).noneMatch((name) -> name.endsWith(".jsa") || name.endsWith(".aot"));
	}

	@Test
	void withoutJavaItExits3WithOneLine() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Result result = charm.run(Map.of("PATH", ""));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.out()).isEmpty();
		assertThat(result.errLines()).singleElement()
			.isEqualTo("dispatch: no Java 17 or newer found (bundled runtime/: none; JAVA_HOME: none; PATH: none): "
					+ "install Java 17+ on the machine, set JAVA_HOME, or build the charm with charm.bundle-runtime=true");
	}

	@Test
	void refusesJavaOlderThan17() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Path old = TestCharm.fakeJdk(this.tmp.resolve("jdk11"), "11.0.2");
		Result result = charm.run(Map.of("PATH", TestCharm.utilities(this.tmp.resolve("bin")).toString(), "JAVA_HOME",
				old.toString()));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.out()).isEmpty();
		assertThat(result.errLines()).singleElement()
			.asString()
			.contains("JAVA_HOME: " + old + "/bin/java is Java 11")
			.contains("PATH: none");
	}

	@Test
	void prefersTheBundledRuntimeAndPassesTheStartUpFlags() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of("-Xmx64m"));
		TestCharm.fakeJdk(charm.dir.resolve("runtime"), "21.0.1");
		Path home = TestCharm.fakeJdk(this.tmp.resolve("jdk22"), "22");
		Result result = charm.run(Map.of("PATH", TestCharm.utilities(this.tmp.resolve("bin")).toString(), "JAVA_HOME",
				home.toString()));
		assertThat(result.err()).isEmpty();
		assertThat(result.exitCode()).isZero();
		// The fake JDK has no libjvm.so, so there is no archive key: a plain run with -Xshare:auto.
		assertThat(result.out().lines()).containsExactly("fake java runtime/bin/java", "arg -XX:TieredStopAtLevel=1",
				"arg -XX:CompileThresholdScaling=2",
				"arg -XX:+UseSerialGC", "arg -XX:-UsePerfData", "arg -Xmx64m", "arg -Xshare:auto", "arg -cp",
				"arg lib/charm.jar", "arg " + TestCharm.MAIN, "arg " + charm.dir.resolve("dispatch"),
				"JUJU_DISPATCH_PATH=" + charm.dir.resolve("dispatch"));
	}

	@Test
	void keepsJujusDispatchPath() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		TestCharm.fakeJdk(charm.dir.resolve("runtime"), "17.0.15");
		Map<String, String> env = TestCharm.hookEnvironment(charm.dir);
		env.put("PATH", TestCharm.utilities(this.tmp.resolve("bin")).toString());
		assertThat(charm.run(env).out().lines()).contains("JUJU_DISPATCH_PATH=hooks/install");
	}

	@Test
	void fallsBackFromATooOldRuntimeToJavaHome() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		TestCharm.fakeJdk(charm.dir.resolve("runtime"), "11.0.2");
		Path home = TestCharm.fakeJdk(this.tmp.resolve("jdk21"), "21.0.4");
		Result result = charm.run(Map.of("PATH", TestCharm.utilities(this.tmp.resolve("bin")).toString(), "JAVA_HOME",
				home.toString()));
		assertThat(result.exitCode()).isZero();
		assertThat(result.out().lines().findFirst()).hasValue("fake java " + home + "/bin/java");
	}

	@Test
	void findsJavaOnPathThroughASymlinkAndReadsItsReleaseFile() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Path home = TestCharm.fakeJdk(this.tmp.resolve("jdk"), "25.0.3");
		Path bin = TestCharm.utilities(this.tmp.resolve("bin"));
		Files.createSymbolicLink(bin.resolve("java"), home.resolve("bin/java"));
		Result result = charm.run(Map.of("PATH", bin.toString()));
		assertThat(result.exitCode()).isZero();
		assertThat(result.out().lines().findFirst()).hasValue("fake java " + bin.resolve("java"));
	}

	@Test
	void readsJavaVersionOutputWhenThereIsNoReleaseFile() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Path bin = TestCharm.utilities(this.tmp.resolve("bin"));
		Path recent = TestCharm.fakeJdk(this.tmp.resolve("recent"), null);
		assertThat(charm.run(Map.of("PATH", bin.toString(), "JAVA_HOME", recent.toString())).exitCode()).isZero();
		Path java8 = TestCharm.fakeJdk(this.tmp.resolve("java8"), null);
		Files.writeString(java8.resolve("bin/java"), "#!/bin/sh\necho 'java version \"1.8.0_292\"' >&2\n");
		Result result = charm.run(Map.of("PATH", bin.toString(), "JAVA_HOME", java8.toString()));
		assertThat(result.exitCode()).isEqualTo(3);
		assertThat(result.err()).contains("is Java 8");
	}

	@Test
	void onTheTestJdkTheFirstHookCreatesTheArchiveTheNextUseItAndAStaleOnePrintsNothing() throws Exception {
		classDataLifecycle(TEST_JDK);
	}

	@Test
	void onJdk25TheFirstHookRecordsAnAotCacheMadeInTheBackground() throws Exception {
		assumeTrue(Files.isRegularFile(JDK_25.resolve("release")), "no JDK 25 at " + JDK_25);
		classDataLifecycle(JDK_25);
	}

	private void classDataLifecycle(Path jdk) throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"),
				List.of("-Xlog:class+load=info:file=" + this.tmp.resolve("load.log")));
		Map<String, String> env = TestCharm.hookEnvironment(charm.dir);
		env.put("JAVA_HOME", jdk.toString());
		int feature = feature(jdk);
		String archive = (feature < 24) ? ".jsa" : ".aot";

		Result training = charm.run(env);
		assertThat(training).extracting(Result::exitCode, Result::out, Result::err).containsExactly(0, "ok\n", "");
		awaitBackgroundCreation(charm);
		List<String> first = archives(charm);
		assertThat(first).singleElement().asString().startsWith("jdk" + feature + "-").endsWith(archive);

		Result cached = charm.run(env);
		assertThat(cached).extracting(Result::exitCode, Result::out, Result::err).containsExactly(0, "ok\n", "");
		assertThat(Files.readString(this.tmp.resolve("load.log"))).contains("test.TinyCharm source: shared objects file");
		byte[] firstArchive = Files.readAllBytes(charm.dir.resolve(".spring-charm/cds").resolve(first.get(0)));

		// A charm upgrade or a Java update changes a file's mtime: a new key, a new archive, the old one gone.
		Files.setLastModifiedTime(charm.dir.resolve("lib/charm.jar"), FileTime.from(Instant.parse("2026-03-04T05:06:07Z")));
		assertThat(charm.run(env).exitCode()).isZero();
		awaitBackgroundCreation(charm);
		List<String> second = archives(charm);
		assertThat(second).singleElement().isNotEqualTo(first.get(0));

		// The archive for the old jar under the new key: the JVM rejects it, and says nothing.
		Files.write(charm.dir.resolve(".spring-charm/cds").resolve(second.get(0)), firstArchive);
		Result stale = charm.run(env);
		assertThat(stale).extracting(Result::exitCode, Result::out, Result::err).containsExactly(0, "ok\n", "");
		if (feature < 24) {
			assertThat(Files.readString(this.tmp.resolve("load.log")))
				.doesNotContain("test.TinyCharm source: shared objects file");
		}
		// JDK 25.0.3 maps an AOT cache even for a jar whose size and mtime changed, which is why
		// dispatch's key covers the jars and the build: a new charm never finds the old cache.

		Files.writeString(charm.dir.resolve(".spring-charm/cds").resolve(second.get(0)), "not an archive");
		assertThat(charm.run(env)).extracting(Result::exitCode, Result::out, Result::err).containsExactly(0, "ok\n", "");
	}

	/**
	 * Why the archive is made on the unit, not at build time: it moves with the charm only
	 * while every jar keeps its modification time, as {@code unzip} restores them. Juju's
	 * extractor gives the files new ones, and the JVM then refuses the archive. The first
	 * copy goes through dispatch; the JVM's own check is then asked directly of both.
	 */
	@Test
	void anArchiveMovesWithTheCharmOnlyWhenTheJarsKeepTheirModificationTimes() throws Exception {
		assumeTrue(feature(TEST_JDK) < 24, "JDK 24+ maps an AOT cache whatever the jars' times");
		Path log = this.tmp.resolve("load.log");
		TestCharm charm = new TestCharm(this.tmp.resolve("built"), List.of("-Xlog:class+load=info:file=" + log));
		Map<String, String> env = TestCharm.hookEnvironment(charm.dir);
		env.put("JAVA_HOME", TEST_JDK.toString());
		assertThat(charm.run(env).exitCode()).isZero();
		String archive = archives(charm).get(0);

		Path unzipped = copy(charm.dir, this.tmp.resolve("unzipped"), null);
		env.put("JUJU_CHARM_DIR", unzipped.toString());
		Result moved = TestCharm.run(unzipped, env);
		assertThat(moved).extracting(Result::exitCode, Result::out, Result::err).containsExactly(0, "ok\n", "");
		assertThat(archives(unzipped)).containsExactly(archive);
		assertThat(Files.readString(log)).contains(TestCharm.MAIN + " source: shared objects file");

		Path extracted = copy(charm.dir, this.tmp.resolve("extracted"), FileTime.from(Instant.now().plusSeconds(60)));
		// The same java command, with the same archive, in both copies: only the times differ.
		assertThat(mapsArchive(unzipped, archive, log)).isTrue();
		assertThat(mapsArchive(extracted, archive, log)).isFalse();
	}

	/** Whether java, started in {@code charmDir} with its archive, loads the charm's class from it. */
	private static boolean mapsArchive(Path charmDir, String archive, Path log) throws Exception {
		Files.deleteIfExists(log);
		ProcessBuilder builder = new ProcessBuilder(TEST_JDK.resolve("bin/java").toString(), "-Xshare:auto",
				"-XX:SharedArchiveFile=.spring-charm/cds/" + archive, "-Xlog:class+load=info:file=" + log, "-cp",
				"lib/charm.jar", TestCharm.MAIN)
			.directory(charmDir.toFile())
			.redirectErrorStream(true)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD);
		builder.environment().clear(); // no JAVA_TOOL_OPTIONS from the build's environment
		Process java = builder.start();
		java.getOutputStream().close();
		if (!java.waitFor(5, TimeUnit.MINUTES)) {
			java.destroyForcibly();
			throw new IllegalStateException("java did not end");
		}
		assertThat(java.exitValue()).as("no JUJU_CONTEXT_ID: it ran, and said so").isEqualTo(2);
		String loads = Files.readString(log);
		assertThat(loads).contains(TestCharm.MAIN + " source: ");
		return loads.contains(TestCharm.MAIN + " source: shared objects file");
	}

	/** Copies a charm directory, keeping each file's time or giving every file {@code time}. */
	private static Path copy(Path from, Path to, FileTime time) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
					if (time != null) {
						Files.setLastModifiedTime(target, time);
					}
				}
			}
		}
		return to;
	}

	@Test
	void aFailedHookLeavesNoArchive() throws Exception {
		TestCharm charm = new TestCharm(this.tmp.resolve("charm"), List.of());
		Map<String, String> env = new HashMap<>(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", TEST_JDK.toString()));
		assertThat(charm.run(env).exitCode()).isEqualTo(2);
		assertThat(archives(charm)).isEmpty();
	}

	private static int feature(Path jdk) throws IOException {
		return Files.readAllLines(jdk.resolve("release"))
			.stream()
			.filter((line) -> line.startsWith("JAVA_VERSION="))
			.map((line) -> Integer.parseInt(line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1")))
			.findFirst()
			.orElseThrow();
	}

	private static List<String> archives(TestCharm charm) throws IOException {
		return archives(charm.dir);
	}

	private static List<String> archives(Path charmDir) throws IOException {
		Path dir = charmDir.resolve(".spring-charm/cds");
		if (!Files.isDirectory(dir)) {
			return List.of();
		}
		try (Stream<Path> files = Files.list(dir)) {
			return files.map((path) -> path.getFileName().toString()).sorted().toList();
		}
	}

	// JDK 24+ makes the AOT cache in a detached process after the hook: wait for it to end.
	private static void awaitBackgroundCreation(TestCharm charm) throws Exception {
		for (int i = 0; i < 1500 && archives(charm).stream().anyMatch((name) -> name.endsWith(".aotconf")); i++) {
			Thread.sleep(200);
		}
	}
}
