package io.springcharm.reliability.input.charm;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.ActionEvent;
import io.springcharm.framework.state.UnitState;
import io.springcharm.leadership.Leadership;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The charm the bad-input corpus runs in charm-test's in-memory Juju. Its {@code write}
 * action reads a value from the UTF-8 file named by the parameter {@code file} and writes
 * it under the key {@value #KEY} through the path named by {@code target}:
 * <ul>
 * <li>{@code leader}: {@link Leadership#set(String, String)} ({@code leader-set}, argv);</li>
 * <li>{@code relation}: {@code HookTools.relationSet} on the first {@code db} relation
 * ({@code relation-set --file -});</li>
 * <li>{@code action}: {@code HookTools.actionSet} ({@code action-set}, argv);</li>
 * <li>{@code unit-state}: {@link UnitState#put}, committed by the framework at hook end;</li>
 * <li>{@code charm-state}: {@code HookTools.stateSet} ({@code state-set --file -}).</li>
 * </ul>
 * When the framework refuses the value with an {@link IllegalArgumentException}, the
 * message is written to {@code <file>.refused} (never through a hook tool) and the action
 * is failed with a fixed message.
 */
@Charm
public class InputProbeCharm {

	/** The key every write uses; valid for every path, including action-set. */
	public static final String KEY = "probe";

	/** Suffix of the file the refusal message is written to, next to the input file. */
	public static final String REFUSED_SUFFIX = ".refused";

	@Component
	static class Writer {

		private final HookEnvironment env;

		private final UnitState state;

		private final Leadership leadership;

		Writer(HookEnvironment env, UnitState state, Leadership leadership) {
			this.env = env;
			this.state = state;
			this.leadership = leadership;
		}

		@EventListener(condition = "#event.name() == 'write'")
		void write(ActionEvent event) throws IOException {
			Path file = Path.of((String) event.param("file"));
			String value = Files.readString(file, StandardCharsets.UTF_8);
			try {
				switch ((String) event.param("target")) {
					case "leader" -> this.leadership.set(KEY, value);
					case "relation" -> {
						String id = this.env.tools().relationIds("db").get(0);
						this.env.tools().relationSet(id, this.env.unitName(), false, Map.of(KEY, value));
					}
					case "action" -> this.env.tools().actionSet(Map.of(KEY, value));
					case "unit-state" -> this.state.put(KEY, value);
					case "charm-state" -> this.env.tools().stateSet(Map.of(KEY, value));
					default -> throw new IllegalStateException("unknown target " + event.param("target"));
				}
			}
			catch (IllegalArgumentException ex) {
				Files.writeString(Path.of(file + REFUSED_SUFFIX), String.valueOf(ex.getMessage()),
						StandardCharsets.UTF_8);
				this.env.tools().actionFail("the value was refused");
			}
		}
	}
}
