package io.springcharm.framework.logging;

import java.io.PrintStream;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

/**
 * The commons-logging factory {@code dispatch} selects when a charm has no logging back
 * end (no SLF4J or Log4j API jar): one line per message on stderr, which Juju copies into
 * the unit's log, from {@code INFO} up unless {@value #LEVEL_PROPERTY} says otherwise.
 * commons-logging's own discovery would otherwise scan the class path and set up
 * {@code java.util.logging} in every hook, for the few lines Spring writes.
 */
public final class StderrLogFactory extends LogFactory {

	/** System property naming the lowest level written: trace, debug, info, warn, error or fatal. */
	public static final String LEVEL_PROPERTY = "spring-charm.log-level";

	private final Level threshold = Level.parse(System.getProperty(LEVEL_PROPERTY));

	private final Map<String, Log> logs = new ConcurrentHashMap<>();

	private final Map<String, Object> attributes = new ConcurrentHashMap<>();

	@Override
	public Log getInstance(Class<?> clazz) {
		return getInstance(clazz.getName());
	}

	@Override
	public Log getInstance(String name) {
		return this.logs.computeIfAbsent(name, (key) -> new StderrLog(key, this.threshold));
	}

	@Override
	public @Nullable Object getAttribute(String name) {
		return this.attributes.get(name);
	}

	@Override
	public String[] getAttributeNames() {
		return this.attributes.keySet().toArray(new String[0]);
	}

	@Override
	public void removeAttribute(String name) {
		this.attributes.remove(name);
	}

	@Override
	public void setAttribute(String name, @Nullable Object value) {
		if (value == null) {
			this.attributes.remove(name);
		}
		else {
			this.attributes.put(name, value);
		}
	}

	@Override
	public void release() {
		this.logs.clear();
	}

	/** Log levels, lowest first. */
	enum Level {

		TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

		/** {@code null} or blank is INFO; so is a name that is no level, after saying so (a typo must not fail hooks). */
		static Level parse(@Nullable String text) {
			if (text == null || text.isBlank()) {
				return INFO;
			}
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				System.err.println("WARN " + StderrLogFactory.class.getName() + ": '" + LEVEL_PROPERTY
						+ "' is not one of trace, debug, info, warn, error, fatal: using info");
				return INFO;
			}
		}
	}

	/** Writes to whatever {@code System.err} is at the time, one line per message. */
	record StderrLog(String name, Level threshold) implements Log {

		private void write(Level level, @Nullable Object message, @Nullable Throwable failure) {
			if (level.compareTo(this.threshold) < 0) {
				return;
			}
			PrintStream err = System.err;
			synchronized (err) {
				err.println(level + " " + this.name + ": " + message);
				if (failure != null) {
					failure.printStackTrace(err);
				}
			}
		}

		private boolean enabled(Level level) {
			return level.compareTo(this.threshold) >= 0;
		}

		@Override
		public boolean isTraceEnabled() {
			return enabled(Level.TRACE);
		}

		@Override
		public boolean isDebugEnabled() {
			return enabled(Level.DEBUG);
		}

		@Override
		public boolean isInfoEnabled() {
			return enabled(Level.INFO);
		}

		@Override
		public boolean isWarnEnabled() {
			return enabled(Level.WARN);
		}

		@Override
		public boolean isErrorEnabled() {
			return enabled(Level.ERROR);
		}

		@Override
		public boolean isFatalEnabled() {
			return enabled(Level.FATAL);
		}

		@Override
		public void trace(@Nullable Object message) {
			write(Level.TRACE, message, null);
		}

		@Override
		public void trace(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.TRACE, message, failure);
		}

		@Override
		public void debug(@Nullable Object message) {
			write(Level.DEBUG, message, null);
		}

		@Override
		public void debug(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.DEBUG, message, failure);
		}

		@Override
		public void info(@Nullable Object message) {
			write(Level.INFO, message, null);
		}

		@Override
		public void info(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.INFO, message, failure);
		}

		@Override
		public void warn(@Nullable Object message) {
			write(Level.WARN, message, null);
		}

		@Override
		public void warn(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.WARN, message, failure);
		}

		@Override
		public void error(@Nullable Object message) {
			write(Level.ERROR, message, null);
		}

		@Override
		public void error(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.ERROR, message, failure);
		}

		@Override
		public void fatal(@Nullable Object message) {
			write(Level.FATAL, message, null);
		}

		@Override
		public void fatal(@Nullable Object message, @Nullable Throwable failure) {
			write(Level.FATAL, message, failure);
		}
	}
}
