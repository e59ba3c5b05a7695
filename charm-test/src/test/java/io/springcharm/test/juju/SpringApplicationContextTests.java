package io.springcharm.test.juju;

import java.nio.file.Path;
import java.util.Map;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.tool.ToolRunner;
import io.springcharm.test.model.CharmDirectories;
import io.springcharm.test.model.charm.TestCharm;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A charm context started by Spring Boot's own SpringApplication, as {@code @SpringBootTest}
 * starts one, with the in-memory Juju supplied as an ordinary bean: the framework's default
 * tool runner backs off and every tool goes to the model.
 */
class SpringApplicationContextTests {

	@TempDir
	Path charmDir;

	@Test
	void theInMemoryJujuSuppliedAsABeanAnswersTheCharmsTools() throws Exception {
		CharmDirectories.copy(Path.of("src/test/resources/test-charm"), this.charmDir);
		JujuModel juju = new JujuModel(CharmMetadata.load(this.charmDir));
		String unit = juju.addUnit();
		juju.setLeader(unit);
		Map<String, String> env = HookEnvironmentBuilder.hook(juju, unit, "update-status")
			.charmDir(this.charmDir)
			.machineRoot(this.charmDir.resolve("machine"))
			.build();
		HookContext hook = juju.beginHook(unit, "update-status", env);

		SpringApplication application = new SpringApplication(TestCharm.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.addInitializers((ConfigurableApplicationContext context) -> {
			context.getBeanFactory().registerSingleton("hook", Hook.fromEnvironment(env, null));
			context.getBeanFactory().registerSingleton("inMemoryJuju", hook);
		});
		try (ConfigurableApplicationContext context = application.run()) {
			assertThat(context.getBeansOfType(ToolRunner.class)).containsOnlyKeys("inMemoryJuju");
			HookEnvironment environment = context.getBean(HookEnvironment.class);
			assertThat(environment.isLeader()).isTrue();
			environment.active("ready");
		}
		assertThat(hook.toolCalls()).extracting((call) -> call.call().tool()).containsExactly("is-leader", "status-set");
		assertThat(juju.unitStatus(unit).status()).isEqualTo("active");
	}
}
