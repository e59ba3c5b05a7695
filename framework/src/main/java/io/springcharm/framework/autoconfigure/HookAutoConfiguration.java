package io.springcharm.framework.autoconfigure;

import io.springcharm.framework.hook.Hook;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the {@link Hook} being run: {@code CharmApplication} registers it;
 * any other context (for example a plain {@code @SpringBootTest}) reads it from the process
 * environment.
 */
@AutoConfiguration
public final class HookAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	Hook hook() {
		return Hook.fromEnvironment(System.getenv(), null);
	}
}
