package io.springcharm.framework.autoconfigure;

import java.nio.file.Path;

import io.springcharm.framework.HookDispatcher;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.DerivedEvents;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.HookTools;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.util.function.SingletonSupplier;

/**
 * Auto-configuration for the charm-facing {@link HookEnvironment} and the
 * {@link HookDispatcher} that runs the hook.
 */
@AutoConfiguration(after = { HookToolsAutoConfiguration.class, UnitStateAutoConfiguration.class })
public final class HookEnvironmentAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	HookEnvironment hookEnvironment(Hook hook, HookTools tools, UnitState unitState, Environment environment) {
		String root = environment.getProperty(HookEnvironment.MACHINE_ROOT_VARIABLE);
		return new HookEnvironment(hook, tools, unitState, SingletonSupplier.of(() -> CharmMetadata.load(hook.charmDir())),
				(root != null && !root.isBlank()) ? Path.of(root) : null);
	}

	@Bean
	@ConditionalOnMissingBean
	HookDispatcher hookDispatcher(Hook hook, HookEnvironment hookEnvironment, UnitState unitState,
			ApplicationEventPublisher publisher, ObjectProvider<DerivedEvents> derivedEvents) {
		return new HookDispatcher(hook, hookEnvironment, unitState, publisher, derivedEvents.orderedStream().toList());
	}
}
