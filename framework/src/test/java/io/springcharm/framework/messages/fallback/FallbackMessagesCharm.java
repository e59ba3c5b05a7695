package io.springcharm.framework.messages.fallback;

import java.util.Locale;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A charm without a message source of its own: the status comes from a default message. */
@Charm
public class FallbackMessagesCharm {

	@Component
	static class Status {

		private final HookEnvironment env;

		private final MessageSource messages;

		Status(HookEnvironment env, MessageSource messages) {
			this.env = env;
			this.messages = messages;
		}

		@EventListener
		void on(HookEvent event) {
			this.env.active(this.messages.getMessage("status.ready", new Object[] { event.hook().name() },
					"ready after {0}", Locale.ROOT));
		}
	}
}
