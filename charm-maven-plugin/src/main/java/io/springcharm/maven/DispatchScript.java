package io.springcharm.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The charm's {@code dispatch}: a POSIX {@code sh} script, rendered from the template
 * {@code dispatch.sh} beside this class, that finds Java {@value #JAVA_MIN} or newer and
 * runs the charm's main class with a fixed, relative class path and a class-data archive
 * made on the unit.
 *
 * @param mainClass the charm's main class
 * @param classPath the jars relative to the charm directory, in class path order
 * @param jvmOptions the charm's own JVM options, added after the start-up flags
 * @param springAot whether the jars hold Spring AOT output, so that the JVM runs with
 * {@code -Dspring.aot.enabled=true}
 * @param cds whether to create and use a class-data archive (AppCDS or AOT cache)
 * @param buildId identifies this build: part of the archive key, so that a new charm never
 * maps an archive made for the previous one
 */
public record DispatchScript(String mainClass, List<String> classPath, List<String> jvmOptions, boolean springAot,
		boolean cds, String buildId) {

	/** The oldest Java feature release a charm runs on (Spring Boot 4's floor). */
	public static final int JAVA_MIN = 17;

	/**
	 * The flags that make a short-lived JVM start fast: C1 only (a hook never lives long
	 * enough for C2 to pay back), methods compiled after twice the usual calls (a third of
	 * a hook's CPU went to compiling code it then barely ran), the serial collector, no
	 * hsperfdata file per hook.
	 */
	public static final List<String> START_UP_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
			"-XX:CompileThresholdScaling=2", "-XX:+UseSerialGC", "-XX:-UsePerfData");

	private static final Pattern CLASS_NAME = Pattern
		.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*(\\.\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*)*");

	private static final Pattern JAR_PATH = Pattern.compile("[A-Za-z0-9._+@/-]+\\.jar");

	private static final Pattern BUILD_ID = Pattern.compile("[A-Za-z0-9._:-]+");

	public DispatchScript {
		Objects.requireNonNull(mainClass, "'mainClass' must not be null");
		if (!CLASS_NAME.matcher(mainClass).matches()) {
			throw new IllegalArgumentException("'" + mainClass + "' is not a class name");
		}
		if (classPath.isEmpty()) {
			throw new IllegalArgumentException("'classPath' must not be empty");
		}
		for (String jar : classPath) {
			// The class path is written between single quotes and split on ':' by the JVM.
			if (!JAR_PATH.matcher(jar).matches() || jar.startsWith("/") || jar.contains("..")) {
				throw new IllegalArgumentException("'" + jar + "' is not a plain relative jar path");
			}
		}
		for (String option : jvmOptions) {
			if (option.isEmpty() || option.indexOf('\n') >= 0 || option.indexOf('\0') >= 0) {
				throw new IllegalArgumentException("JVM option '" + option + "' is empty or has a line break");
			}
		}
		if (!BUILD_ID.matcher(buildId).matches()) {
			throw new IllegalArgumentException("'" + buildId + "' is not a build id");
		}
		classPath = List.copyOf(classPath);
		jvmOptions = List.copyOf(jvmOptions);
	}

	/**
	 * Selects the framework's stderr logger for commons-logging, skipping its class path
	 * discovery and {@code java.util.logging} set-up in every hook. Only added when the
	 * charm has no SLF4J or Log4j API jar, which commons-logging would route to instead.
	 */
	static final String STDERR_LOGGING = "-Dorg.apache.commons.logging.LogFactory="
			+ "io.springcharm.framework.logging.StderrLogFactory";

	/**
	 * Every JVM option dispatch passes, in order: the start-up flags, the stderr logger
	 * when the charm has no logging back end, the charm's options (a later {@code -D}
	 * wins), then {@code -Dspring.aot.enabled=true} when the build ran Spring AOT.
	 * @return the options
	 */
	public List<String> allJvmOptions() {
		List<String> options = new ArrayList<>(START_UP_OPTIONS);
		if (hasJar("charm-framework-") && !hasJar("slf4j-api-") && !hasJar("log4j-api-")) {
			options.add(STDERR_LOGGING);
		}
		options.addAll(this.jvmOptions);
		if (this.springAot) {
			options.add("-Dspring.aot.enabled=true");
		}
		return options;
	}

	/** Also under the name CharmLibraries gives clashing jars: the group id, a dot, the file name. */
	private boolean hasJar(String artifactPrefix) {
		return this.classPath.stream().map((jar) -> jar.substring(jar.lastIndexOf('/') + 1))
			.anyMatch((name) -> name.startsWith(artifactPrefix) || name.contains("." + artifactPrefix));
	}

	/**
	 * Renders the script.
	 * @return the script's text
	 */
	public String render() {
		List<String> quoted = allJvmOptions().stream().map(DispatchScript::quote).toList();
		return template().replace("@MAIN_CLASS@", this.mainClass)
			.replace("@CLASS_PATH@", String.join(":", this.classPath))
			.replace("@BUILD_ID@", this.buildId)
			.replace("@JAVA_MIN@", Integer.toString(JAVA_MIN))
			.replace("@CDS@", Boolean.toString(this.cds))
			.replace("@JVM_OPTIONS@", String.join(" ", quoted));
	}

	/**
	 * Quotes one word for {@code sh}: single quotes, each embedded quote as {@code '\''}.
	 * @param word the word
	 * @return the quoted word
	 */
	static String quote(String word) {
		return "'" + word.replace("'", "'\\''") + "'";
	}

	private static String template() {
		try (InputStream in = DispatchScript.class.getResourceAsStream("dispatch.sh")) {
			if (in == null) {
				throw new IllegalStateException("dispatch.sh template missing from the plugin");
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}
