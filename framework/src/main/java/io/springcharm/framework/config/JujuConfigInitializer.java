package io.springcharm.framework.config;

import io.springcharm.framework.env.HookEnvironment;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Adds {@link JujuConfigPropertySource} to every charm context, reading config through the
 * context's own {@link HookEnvironment} bean, so a test's replacement tools serve it too.
 */
public final class JujuConfigInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addLast(new JujuConfigPropertySource(() -> context.getBean(HookEnvironment.class).config()));
	}
}
