package io.springcharm.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class DispatchScriptTests {

	@TempDir
	Path dir;

	@Test
	void fillsInMainClassClassPathAndOptions() {
		String script = script(true).render();
		assertThat(script).startsWith("#!/bin/sh\n")
			.contains("main='com.example.MyCharm'\n")
			.contains("cp='lib/my-charm-1.0.jar:lib/spring-core-7.0.10.jar'\n")
			.contains("build='b1'\n")
			.contains("min=17\n")
			.contains("cds=true\n")
			.contains("set -- '-XX:TieredStopAtLevel=1' '-XX:CompileThresholdScaling=2' '-XX:+UseSerialGC' '-XX:-UsePerfData' '-Xmx96m' "
					+ "'-Dgreeting=it'\\''s' '-Dspring.aot.enabled=true'\n")
			.contains("JUJU_DISPATCH_PATH=\"${JUJU_DISPATCH_PATH:-$0}\"\nexport JUJU_DISPATCH_PATH\n")
			.doesNotContainPattern("@[A-Z_]+@");
	}

	@Test
	void passesSpringAotOnlyWhenTheBuildRanIt() {
		assertThat(script(false).render()).doesNotContain("spring.aot.enabled");
	}

	@Test
	void selectsTheStderrLoggerOnlyWhenNoLoggingBackEndIsPackaged() {
		List<String> plain = List.of("lib/my-charm-1.0.jar", "lib/charm-framework-0.1.0.jar",
				"lib/commons-logging-1.3.6.jar");
		assertThat(options(plain)).containsSubsequence("-XX:-UsePerfData", DispatchScript.STDERR_LOGGING, "-Dx=1");
		assertThat(options(concat(plain, "lib/slf4j-api-2.0.17.jar"))).doesNotContain(DispatchScript.STDERR_LOGGING);
		assertThat(options(concat(plain, "lib/log4j-api-2.25.1.jar"))).doesNotContain(DispatchScript.STDERR_LOGGING);
		assertThat(options(List.of("lib/my-charm-1.0.jar"))).doesNotContain(DispatchScript.STDERR_LOGGING);
		assertThat(options(concat(plain, "lib/org.slf4j.slf4j-api-2.0.17.jar")))
			.doesNotContain(DispatchScript.STDERR_LOGGING);
	}

	@Test
	void isValidSh() throws IOException, InterruptedException {
		Path file = Files.writeString(this.dir.resolve("dispatch"), script(true).render());
		Process sh = new ProcessBuilder("sh", "-n", file.toString()).redirectErrorStream(true).start();
		String output = new String(sh.getInputStream().readAllBytes());
		assertThat(sh.waitFor()).as(output).isZero();
	}

	@Test
	void quotesWordsForSh() {
		assertThat(DispatchScript.quote("a b")).isEqualTo("'a b'");
		assertThat(DispatchScript.quote("$HOME")).isEqualTo("'$HOME'");
		assertThat(DispatchScript.quote("it's")).isEqualTo("'it'\\''s'");
	}

	@Test
	void rejectsWhatCannotBeWrittenSafely() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchScript("com.example.My Charm", List.of("lib/a.jar"), List.of(), false, true, "b"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchScript("a.B", List.of("lib/a'.jar"), List.of(), false, true, "b"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchScript("a.B", List.of("/opt/a.jar"), List.of(), false, true, "b"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new DispatchScript("a.B", List.of("lib/a.jar"), List.of("-Da=\nb"), false, true, "b"));
	}

	private static List<String> options(List<String> classPath) {
		return new DispatchScript("com.example.MyCharm", classPath, List.of("-Dx=1"), false, true, "b1").allJvmOptions();
	}

	private static List<String> concat(List<String> list, String jar) {
		List<String> all = new java.util.ArrayList<>(list);
		all.add(jar);
		return all;
	}

	private static DispatchScript script(boolean aot) {
		return new DispatchScript("com.example.MyCharm", List.of("lib/my-charm-1.0.jar", "lib/spring-core-7.0.10.jar"),
				List.of("-Xmx96m", "-Dgreeting=it's"), aot, true, "b1");
	}
}
