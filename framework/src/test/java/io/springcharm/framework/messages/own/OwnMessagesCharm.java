package io.springcharm.framework.messages.own;

import java.util.Locale;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.stereotype.Component;

/** A charm with its own {@code messageSource} bean, which must be the one used. */
@Charm
public class OwnMessagesCharm {

	@Bean
	MessageSource messageSource() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("status.ready", Locale.ROOT, "serving since {0}");
		return messages;
	}

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
