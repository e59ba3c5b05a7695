package io.springcharm.test.model;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.CharmApplication;
import io.springcharm.framework.tool.ToolRunner;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Runs each hook in this JVM through the charm's real entry point,
 * {@link CharmApplication}, with a fresh Spring context per hook, as a {@code dispatch}
 * process would, but with the hook tools answered in memory.
 */
public final class InProcessHookExecutor implements HookExecutor {

	private final Class<?> charmClass;

	private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers;

	/**
	 * @param charmClass the charm's {@code @Charm} class
	 */
	public InProcessHookExecutor(Class<?> charmClass) {
		this(charmClass, List.of());
	}

	/**
	 * @param charmClass the charm's {@code @Charm} class
	 * @param initializers applied to every hook's context before refresh (for example to
	 * add test beans or record events)
	 */
	public InProcessHookExecutor(Class<?> charmClass,
			List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers) {
		this.charmClass = charmClass;
		this.initializers = List.copyOf(initializers);
	}

	@Override
	public HookExecution execute(UnitDirectories unit, Map<String, String> environment, ToolRunner tools) {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream errors = new PrintStream(captured, true, StandardCharsets.UTF_8);
		CharmApplication application = new CharmApplication(this.charmClass).environment(environment)
			.toolRunner(tools)
			.errors(errors);
		new ArrayList<>(this.initializers).forEach(application::initializer);
		long start = System.nanoTime();
		CharmApplication.HookOutcome outcome = application.execute();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		errors.flush();
		return new HookExecution(outcome.exitCode(), elapsed, captured.toString(StandardCharsets.UTF_8));
	}
}
