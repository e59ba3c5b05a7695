package io.springcharm.framework.logging;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import org.apache.commons.logging.Log;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class StderrLogFactoryTests {

	private final ByteArrayOutputStream captured = new ByteArrayOutputStream();

	private PrintStream original;

	@BeforeEach
	void captureStderr() {
		this.original = System.err;
		System.setErr(new PrintStream(this.captured, true, StandardCharsets.UTF_8));
	}

	@AfterEach
	void restoreStderr() {
		System.setErr(this.original);
		System.clearProperty(StderrLogFactory.LEVEL_PROPERTY);
	}

	@Test
	void writesInfoAndAboveOneLineEachWithTheLoggerName() {
		Log log = new StderrLogFactory().getInstance(StderrLogFactoryTests.class);
		log.debug("not shown");
		log.info("context started");
		log.warn("bean skipped", new IllegalStateException("because"));
		assertThat(log.isDebugEnabled()).isFalse();
		assertThat(log.isInfoEnabled()).isTrue();
		assertThat(stderr()).startsWith("INFO " + StderrLogFactoryTests.class.getName() + ": context started\n"
				+ "WARN " + StderrLogFactoryTests.class.getName() + ": bean skipped\n"
				+ "java.lang.IllegalStateException: because\n")
			.doesNotContain("not shown");
	}

	@Test
	void levelComesFromTheSystemProperty() {
		System.setProperty(StderrLogFactory.LEVEL_PROPERTY, " Debug ");
		Log log = new StderrLogFactory().getInstance("a.b");
		log.trace("no");
		log.debug("yes");
		assertThat(log.isTraceEnabled()).isFalse();
		assertThat(stderr()).isEqualTo("DEBUG a.b: yes\n");
	}

	@Test
	void unknownLevelIsInfoAndSaysSo() {
		System.setProperty(StderrLogFactory.LEVEL_PROPERTY, "verbose");
		Log log = new StderrLogFactory().getInstance("a.b");
		log.debug("no");
		log.error("yes");
		assertThat(stderr()).contains("'spring-charm.log-level' is not one of trace, debug, info, warn, error, fatal")
			.endsWith("ERROR a.b: yes\n")
			.doesNotContain("no\n");
	}

	@Test
	void oneLogPerName() {
		StderrLogFactory factory = new StderrLogFactory();
		assertThat(factory.getInstance("x")).isSameAs(factory.getInstance("x"));
		factory.setAttribute("k", "v");
		assertThat(factory.getAttributeNames()).containsExactly("k");
		factory.setAttribute("k", null);
		assertThat(factory.getAttribute("k")).isNull();
	}

	private String stderr() {
		return this.captured.toString(StandardCharsets.UTF_8);
	}
}
