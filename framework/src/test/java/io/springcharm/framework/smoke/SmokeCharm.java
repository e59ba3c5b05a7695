package io.springcharm.framework.smoke;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.ConfigChangedEvent;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.state.Flags;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

@Charm
public class SmokeCharm {

	@Component
	static class Handlers {

		private final HookEnvironment env;

		private final Flags flags;

		Handlers(HookEnvironment env, Flags flags) {
			this.env = env;
			this.flags = flags;
		}

		@EventListener(condition = "!@flags.isSet('seen')")
		void first(HookEvent event) {
			this.flags.set("seen");
			this.env.active("hello from " + event.hook().name());
		}

		@EventListener(condition = "#event.changed('fail')")
		void fail(ConfigChangedEvent event) {
			throw new IllegalStateException("asked to fail");
		}
	}
}
