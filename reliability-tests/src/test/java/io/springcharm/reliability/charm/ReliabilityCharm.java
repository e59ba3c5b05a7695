package io.springcharm.reliability.charm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

import io.springcharm.framework.Charm;
import io.springcharm.framework.CharmApplication;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookCompletedEvent;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.event.HookStartingEvent;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import io.springcharm.leadership.Leadership;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The charm the reliability tests run as a real child JVM. What it does is chosen by
 * environment variables, so one charm serves every fault scenario:
 * <ul>
 * <li>{@code RELIABILITY_SIGNALS}: directory for signal and observation files;</li>
 * <li>{@code RELIABILITY_PAUSE}: {@code before-handlers}, {@code in-handler},
 * {@code after-handlers} or {@code after-write}: at that step it creates the file
 * {@code reached}, then waits for the file {@code release} (never, unless the test creates
 * it), so that the test can kill it exactly there;</li>
 * <li>{@code RELIABILITY_MARK_COMMIT}: creates {@code committing} just before the unit-state
 * write, without waiting;</li>
 * <li>{@code RELIABILITY_BLOB_KB}: the handler also stores this many kilobytes of values
 * that change with every run;</li>
 * <li>{@code RELIABILITY_READ_CONFIG}, {@code RELIABILITY_LEADER_SET},
 * {@code RELIABILITY_READ_LEADER}, {@code RELIABILITY_READ_RELATION},
 * {@code RELIABILITY_FAIL}: tool calls the handler makes, and a final exception.</li>
 * </ul>
 * Every hook's handler increments the value {@code count} and sets the flag {@code ran}.
 */
@Charm
public class ReliabilityCharm {

	public static void main(String[] args) {
		System.exit(CharmApplication.run(ReliabilityCharm.class, args));
	}

	@Component
	static class Handlers {

		private final HookEnvironment env;

		private final UnitState state;

		private final Flags flags;

		private final Leadership leadership;

		private final Map<String, String> settings = System.getenv();

		Handlers(HookEnvironment env, UnitState state, Flags flags, Leadership leadership) {
			this.env = env;
			this.state = state;
			this.flags = flags;
			this.leadership = leadership;
		}

		@EventListener
		void starting(HookStartingEvent event) {
			observe("start " + name() + " count=" + this.state.get("count") + " flags=" + this.flags.all());
			pauseAt("before-handlers");
		}

		@EventListener
		void handle(HookEvent event) {
			observe("handler " + name() + " count=" + this.state.get("count") + " flags=" + this.flags.all());
			int count = Integer.parseInt(orDefault(this.state.get("count"), "0")) + 1;
			this.state.put("count", Integer.toString(count));
			this.flags.set("ran");
			int blobKb = Integer.parseInt(orDefault(this.settings.get("RELIABILITY_BLOB_KB"), "0"));
			for (int i = 0; i < blobKb; i++) {
				this.state.put("blob." + i, (count + "-" + i + "-").repeat(1000).substring(0, 1000));
			}
			if (this.settings.containsKey("RELIABILITY_READ_CONFIG")) {
				this.env.config();
			}
			if (this.settings.containsKey("RELIABILITY_READ_LEADER")) {
				this.leadership.get("password");
			}
			String relation = this.settings.get("RELIABILITY_READ_RELATION");
			if (relation != null) {
				this.env.tools().relationGet(relation, "remote/0", false);
			}
			String secret = this.settings.get("RELIABILITY_LEADER_SET");
			if (secret != null) {
				this.leadership.set("password", secret);
			}
			pauseAt("in-handler");
			if (this.settings.containsKey("RELIABILITY_FAIL")) {
				throw new IllegalStateException("asked to fail");
			}
		}

		@EventListener
		void completed(HookCompletedEvent event) {
			if (this.settings.containsKey("RELIABILITY_MARK_COMMIT")) {
				touch("committing");
			}
			pauseAt("after-handlers");
		}

		@EventListener
		void closed(ContextClosedEvent event) {
			// After the commit, before the state lock is released.
			observe("closed " + name());
			pauseAt("after-write");
		}

		private String name() {
			return orDefault(this.settings.get("RELIABILITY_NAME"), "hook");
		}

		private void pauseAt(String step) {
			if (!step.equals(this.settings.get("RELIABILITY_PAUSE"))) {
				return;
			}
			touch("reached");
			Path release = signals().resolve("release");
			while (!Files.exists(release)) {
				try {
					Thread.sleep(20);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					throw new IllegalStateException("interrupted while paused", ex);
				}
			}
		}

		private void observe(String line) {
			if (this.settings.containsKey("RELIABILITY_SIGNALS")) {
				write(signals().resolve("observations"), (line + "\n").getBytes(StandardCharsets.UTF_8),
						StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			}
		}

		private void touch(String name) {
			write(signals().resolve(name), new byte[0], StandardOpenOption.CREATE, StandardOpenOption.WRITE);
		}

		private Path signals() {
			return Path.of(this.settings.get("RELIABILITY_SIGNALS"));
		}

		private static void write(Path file, byte[] bytes, StandardOpenOption... options) {
			try {
				Files.write(file, bytes, options);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}

		private static String orDefault(String value, String otherwise) {
			return (value != null) ? value : otherwise;
		}

	}

}
