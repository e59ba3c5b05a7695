package io.springcharm.framework.autoconfigure;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.tool.HookTools;
import io.springcharm.framework.tool.ProcessToolRunner;
import io.springcharm.framework.tool.ToolRunner;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration for the hook tools: a {@link ToolRunner} that runs each tool as a
 * child process (a bean of that type, such as charm-test's in-memory Juju, replaces it),
 * and {@link HookTools} over it.
 */
@AutoConfiguration(after = HookAutoConfiguration.class)
public final class HookToolsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(ToolRunner.class)
	ProcessToolRunner toolRunner(Hook hook) {
		return new ProcessToolRunner(hook.charmDir());
	}

	@Bean
	@ConditionalOnMissingBean
	HookTools hookTools(ToolRunner toolRunner) {
		return new HookTools(toolRunner);
	}
}
