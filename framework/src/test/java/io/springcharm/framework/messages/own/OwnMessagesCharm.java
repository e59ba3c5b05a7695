package io.springcharm.framework.messages.own;

import java.util.Locale;

import io.springcharm.framework.Charm;
import io.springcharm.framework.messages.MessageStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.support.StaticMessageSource;

/** A charm with its own {@code messageSource} bean, which must be the one used. */
@Charm
@Import(MessageStatus.class)
public class OwnMessagesCharm {

	@Bean
	MessageSource messageSource() {
		StaticMessageSource messages = new StaticMessageSource();
		messages.addMessage("status.ready", Locale.ROOT, "serving since {0}");
		return messages;
	}
}
