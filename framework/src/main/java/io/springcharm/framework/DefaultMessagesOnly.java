package io.springcharm.framework;

import java.text.MessageFormat;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.NoSuchMessageException;

/**
 * The charm context's message source unless the charm defines a {@code messageSource}
 * bean: it knows no codes and answers default messages only. Spring's own fallback,
 * {@code DelegatingMessageSource}, initializes {@code MessageFormat} and the JDK's locale
 * data when the context starts: about a sixth of a quiet hook's wall time and CPU.
 */
final class DefaultMessagesOnly implements MessageSource {

	@Override
	public @Nullable String getMessage(String code, Object @Nullable [] args, @Nullable String defaultMessage,
			@Nullable Locale locale) {
		return format(defaultMessage, args, locale);
	}

	@Override
	public String getMessage(String code, Object @Nullable [] args, @Nullable Locale locale) {
		throw (locale != null) ? new NoSuchMessageException(code, locale) : new NoSuchMessageException(code);
	}

	@Override
	public String getMessage(MessageSourceResolvable resolvable, @Nullable Locale locale) {
		String message = format(resolvable.getDefaultMessage(), resolvable.getArguments(), locale);
		if (message != null) {
			return message;
		}
		String[] codes = resolvable.getCodes();
		String code = (codes != null && codes.length > 0) ? codes[codes.length - 1] : "";
		throw (locale != null) ? new NoSuchMessageException(code, locale) : new NoSuchMessageException(code);
	}

	private static @Nullable String format(@Nullable String message, Object @Nullable [] args, @Nullable Locale locale) {
		if (message == null || args == null || args.length == 0) {
			return message;
		}
		try {
			return new MessageFormat(message, (locale != null) ? locale : Locale.ROOT).format(args);
		}
		catch (IllegalArgumentException ex) {
			// Not a valid pattern: the message as written, as Spring's own message sources answer.
			return message;
		}
	}
}
