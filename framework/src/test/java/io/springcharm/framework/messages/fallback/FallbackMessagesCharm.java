package io.springcharm.framework.messages.fallback;

import io.springcharm.framework.Charm;
import io.springcharm.framework.messages.MessageStatus;
import org.springframework.context.annotation.Import;

/** A charm without a message source of its own: the status comes from a default message. */
@Charm
@Import(MessageStatus.class)
public class FallbackMessagesCharm {
}
