package io.springcharm.framework.integration;

import io.springcharm.framework.Charm;
import io.springcharm.framework.CharmApplication;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.InstallEvent;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A charm run as a real child JVM by {@code CharmApplicationIntegrationTests}: install
 * sets a flag, a value and a status, or fails when the config option {@code fail} is true.
 */
@Charm
public class IntegrationCharm {

	public static void main(String[] args) {
		System.exit(CharmApplication.run(IntegrationCharm.class, args));
	}

	@Component
	static class Handlers {

		private final HookEnvironment env;

		private final UnitState state;

		private final Flags flags;

		Handlers(HookEnvironment env, UnitState state, Flags flags) {
			this.env = env;
			this.state = state;
			this.flags = flags;
		}

		@EventListener
		void install(InstallEvent event) {
			if (Boolean.TRUE.equals(this.env.config().get("fail"))) {
				throw new IllegalStateException("asked to fail");
			}
			this.flags.set("installed");
			this.state.put("greeting", "hello");
			this.env.active("installed");
		}
	}
}
