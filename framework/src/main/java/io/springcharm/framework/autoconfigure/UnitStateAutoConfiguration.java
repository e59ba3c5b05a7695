package io.springcharm.framework.autoconfigure;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for {@link UnitState}, read from the charm directory when the context
 * starts and locked until it closes, and the {@code flags} bean over it.
 */
@AutoConfiguration(after = HookAutoConfiguration.class)
public final class UnitStateAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	UnitState unitState(Hook hook) {
		return UnitState.load(hook.charmDir());
	}

	@Bean
	@ConditionalOnMissingBean
	Flags flags(UnitState unitState) {
		return new Flags(unitState);
	}
}
