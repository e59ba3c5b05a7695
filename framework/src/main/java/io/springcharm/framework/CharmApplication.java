package io.springcharm.framework;

import java.io.PrintStream;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.tool.HookTools;
import io.springcharm.framework.tool.ProcessToolRunner;
import io.springcharm.framework.tool.RebootNowException;
import io.springcharm.framework.tool.ToolRunner;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.BeansException;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import io.springcharm.framework.config.JujuConfigInitializer;
import org.springframework.aot.AotDetector;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.AotApplicationContextInitializer;
import org.springframework.context.support.AbstractApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.ResourcePropertySource;

/**
 * The entry point of a charm: reads the hook from the environment, starts the charm's
 * Spring context, publishes the hook's events, commits unit state on success and returns
 * the exit code for Juju. A charm's {@code main} is one line:
 *
 * <pre class="code">
 * public static void main(String[] args) {
 *     System.exit(CharmApplication.run(MyCharm.class, args));
 * }
 * </pre>
 *
 * Exit codes: 0 the hook succeeded and its state was committed; 1 it failed (one ERROR
 * line through {@code juju-log}, the stack trace on stderr, nothing committed, Juju retries
 * it); 2 the program was not started by Juju.
 */
public final class CharmApplication {

	/** Exit code when the hook failed. */
	public static final int EXIT_FAILED = 1;

	/** Exit code when not run by Juju. */
	public static final int EXIT_NOT_A_HOOK = 2;

	private final Class<?> charm;

	private Map<String, String> environment = System.getenv();

	private @Nullable ToolRunner toolRunner;

	private final List<ApplicationContextInitializer<ConfigurableApplicationContext>> initializers = new ArrayList<>();

	private PrintStream err = System.err;

	/**
	 * @param charm the charm's {@link Charm @Charm} class
	 */
	public CharmApplication(Class<?> charm) {
		this.charm = charm;
	}

	/**
	 * Runs the hook Juju started this process for.
	 * @param charm the charm's {@link Charm @Charm} class
	 * @param args the program arguments; the first, if any, is the program path, used to
	 * name the hook on Juju before 2.8
	 * @return the exit code
	 */
	public static int run(Class<?> charm, String[] args) {
		return new CharmApplication(charm).execute(args).exitCode();
	}

	/**
	 * Uses this environment instead of the process's (tests, the local model).
	 * @param environment variable name to value
	 * @return this
	 */
	public CharmApplication environment(Map<String, String> environment) {
		this.environment = Map.copyOf(environment);
		return this;
	}

	/**
	 * Runs every hook tool through this runner instead of child processes.
	 * @param toolRunner the runner
	 * @return this
	 */
	public CharmApplication toolRunner(ToolRunner toolRunner) {
		this.toolRunner = toolRunner;
		return this;
	}

	/**
	 * Adds an initializer applied to the charm's context before it is refreshed.
	 * @param initializer the initializer
	 * @return this
	 */
	public CharmApplication initializer(ApplicationContextInitializer<ConfigurableApplicationContext> initializer) {
		this.initializers.add(initializer);
		return this;
	}

	/**
	 * Sends what would go to stderr (the not-a-hook line, stack traces) here instead.
	 * @param err the stream
	 * @return this
	 */
	public CharmApplication errors(PrintStream err) {
		this.err = err;
		return this;
	}

	/**
	 * Runs one hook.
	 * @param args the program arguments, as for {@link #run(Class, String[])}
	 * @return the exit code and, for a failed hook, its exception
	 */
	public HookOutcome execute(String... args) {
		if (Boolean.getBoolean("spring.aot.processing")) {
			// Spring AOT at build time: Boot intercepts SpringApplication.run to capture the
			// bean graph and ends main() itself, so a placeholder hook is enough.
			application(Hook.fromEnvironment(Map.of("JUJU_UNIT_NAME", "aot/0", "JUJU_CONTEXT_ID", "aot",
					"JUJU_DISPATCH_PATH", "hooks/install"), null)).run(args);
			return new HookOutcome(0, null);
		}
		String argv0 = (args.length > 0) ? args[0] : null;
		if (!Hook.isHookContext(this.environment, argv0)) {
			this.err.println(this.charm.getSimpleName() + ": not started by Juju (JUJU_UNIT_NAME, JUJU_CONTEXT_ID and "
					+ "JUJU_DISPATCH_PATH must be set); Juju runs a charm through its dispatch file");
			return new HookOutcome(EXIT_NOT_A_HOOK, null);
		}
		Hook hook;
		try {
			hook = Hook.fromEnvironment(this.environment, argv0);
		}
		catch (IllegalArgumentException ex) {
			this.err.println(this.charm.getSimpleName() + ": " + ex.getMessage());
			return new HookOutcome(EXIT_FAILED, ex);
		}
		ConfigurableApplicationContext context = null;
		try {
			context = start(hook);
			context.getBean(HookDispatcher.class).dispatch();
			return new HookOutcome(0, null);
		}
		catch (Throwable ex) {
			Throwable cause = unwrap(ex);
			if (cause instanceof RebootNowException) {
				// Not a failure: Juju is killing this process and runs the hook again later.
				this.err.println("hook '" + hook.name() + "' stopped for juju-reboot --now");
			}
			else {
				report(hook, cause, context);
			}
			return new HookOutcome(EXIT_FAILED, cause);
		}
		finally {
			if (context != null) {
				context.close();
			}
		}
	}

	/**
	 * Starts the charm's context without SpringApplication: a hook needs none of its
	 * environment preparation (config data files, profiles, logging system, failure
	 * analysis), which measured as the largest single start-up cost of a hook. With Spring
	 * AOT the bean graph generated at build time is applied; otherwise the {@code @Charm}
	 * class is processed as usual.
	 */
	private ConfigurableApplicationContext start(Hook hook) {
		boolean aot = AotDetector.useGeneratedArtifacts();
		GenericApplicationContext context;
		if (aot) {
			context = new CharmContext();
		}
		else {
			AnnotationConfigApplicationContext annotated = new AnnotationConfigApplicationContext();
			annotated.register(this.charm);
			context = annotated;
		}
		StandardEnvironment environment = new StandardEnvironment();
		if (this.environment != System.getenv()) {
			// A test's or the local model's variables, in front of the process's own. A real
			// hook's are already the systemEnvironment source: a copy would only give the
			// binder every variable name twice to index.
			environment.getPropertySources()
				.addFirst(new MapPropertySource("hookProcessEnvironment", new HashMap<>(this.environment)));
		}
		applicationProperties(environment);
		context.setEnvironment(environment);
		// As SpringApplication does. Not a bean: every bean is scanned for @EventListener
		// methods and @ConfigurationProperties, and this class has hundreds of methods. A
		// charm's own conversionService bean still replaces it.
		context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
		register(context, hook);
		new JujuConfigInitializer().initialize(context);
		this.initializers.forEach((initializer) -> initializer.initialize(context));
		if (aot) {
			AotApplicationContextInitializer
				.<GenericApplicationContext>forInitializerClasses(this.charm.getName() + "__ApplicationContextInitializer")
				.initialize(context);
		}
		// With AOT a charm's own messageSource is defined by now. Without, its definition comes
		// during refresh and replaces this singleton, as registering a definition does.
		if (!context.getBeanFactory().containsLocalBean(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME)) {
			context.getBeanFactory().registerSingleton(AbstractApplicationContext.MESSAGE_SOURCE_BEAN_NAME,
					new DefaultMessagesOnly());
		}
		context.refresh();
		return context;
	}

	/** A charm's own defaults in {@code application.properties} on its class path, if any. */
	private void applicationProperties(StandardEnvironment environment) {
		ClassPathResource resource = new ClassPathResource("application.properties", this.charm.getClassLoader());
		if (resource.exists()) {
			try {
				environment.getPropertySources().addLast(new ResourcePropertySource("applicationProperties", resource));
			}
			catch (java.io.IOException ex) {
				throw new java.io.UncheckedIOException("Cannot read application.properties", ex);
			}
		}
	}

	private void register(ConfigurableApplicationContext context, Hook hook) {
		context.getBeanFactory().registerSingleton("hook", hook);
		if (this.toolRunner != null) {
			context.getBeanFactory().registerSingleton("toolRunner", this.toolRunner);
		}
	}

	/** Spring AOT at build time only: Boot's AOT processor captures the context SpringApplication prepares. */
	private SpringApplication application(Hook hook) {
		SpringApplication application = new SpringApplication(this.charm);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		application.setRegisterShutdownHook(false);
		application.addInitializers((ConfigurableApplicationContext context) -> register(context, hook));
		this.initializers.forEach(application::addInitializers);
		return application;
	}

	private void report(Hook hook, Throwable failure, @Nullable ConfigurableApplicationContext context) {
		String line = "hook '" + hook.name() + "' failed: " + failure.getClass().getName()
				+ ((failure.getMessage() != null) ? ": " + failure.getMessage() : "");
		try {
			HookTools tools = (context != null && context.isActive()) ? context.getBean(HookTools.class)
					: new HookTools((this.toolRunner != null) ? this.toolRunner : new ProcessToolRunner(hook.charmDir()));
			tools.jujuLog("ERROR", line);
		}
		catch (RuntimeException ex) {
			this.err.println("cannot log through juju-log: " + ex.getMessage());
		}
		this.err.println(line);
		failure.printStackTrace(this.err);
	}

	private static Throwable unwrap(Throwable ex) {
		Throwable current = ex;
		while (true) {
			if (current instanceof UndeclaredThrowableException u && u.getUndeclaredThrowable() != null) {
				current = u.getUndeclaredThrowable();
			}
			else if ((current instanceof BeansException || current instanceof BindException) && current.getCause() != null) {
				// Stop at the first exception that is not Spring's wiring report: that one
				// says what went wrong (it may itself wrap a lower-level cause).
				current = current.getCause();
			}
			else {
				return current;
			}
		}
	}

	/**
	 * How a hook ended.
	 * @param exitCode the exit code for Juju
	 * @param failure the exception that failed the hook, or {@code null}
	 */
	public record HookOutcome(int exitCode, @Nullable Throwable failure) {
	}
}
