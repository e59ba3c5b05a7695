package io.springcharm.framework.messages;

import java.util.Locale;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookEvent;
import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;

/** Sets the status from the message {@code status.ready}, with a default message. */
public class MessageStatus {

	private final HookEnvironment env;

	private final MessageSource messages;

	public MessageStatus(HookEnvironment env, MessageSource messages) {
		this.env = env;
		this.messages = messages;
	}

	@EventListener
	void on(HookEvent event) {
		this.env.active(this.messages.getMessage("status.ready", new Object[] { event.hook().name() },
				"ready after {0}", Locale.ROOT));
	}
}
