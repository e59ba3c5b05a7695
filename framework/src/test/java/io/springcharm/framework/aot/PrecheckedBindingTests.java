package io.springcharm.framework.aot;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodHandles.Lookup;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import io.springcharm.framework.aot.BindingFixtures.Config;
import io.springcharm.framework.aot.BindingFixtures.Named;
import io.springcharm.framework.aot.BindingFixtures.Settings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigUtils;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.InputStreamSource;
import org.springframework.javapoet.ClassName;

import static org.assertj.core.api.Assertions.assertThat;

/** Boot's binding post-processor, with the beans that have nothing to bind decided at build time. */
class PrecheckedBindingTests {

	private static final Map<String, Object> PROPERTIES = Map.of("fixture.settings.name", "from settings",
			"fixture.method.name", "from method");

	@TempDir
	Path build;

	@Test
	void theGeneratedContextStillBindsJavaBeansAndSkipsTheRest() throws Exception {
		GenericApplicationContext atBuild = context();
		AnnotationConfigUtils.registerAnnotationConfigProcessors(atBuild);
		atBuild.registerBean(Config.class);
		InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
		DefaultGenerationContext generation = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(Config.class)), files);
		ClassName initializerName = new ApplicationContextAotGenerator().processAheadOfTime(atBuild, generation);
		generation.writeGeneratedContent();

		defineInTheirPackages(compile(files.getGeneratedFiles(Kind.SOURCE)));
		try (GenericApplicationContext inHook = context()) {
			@SuppressWarnings("unchecked")
			ApplicationContextInitializer<GenericApplicationContext> initializer = (ApplicationContextInitializer<GenericApplicationContext>) Class
				.forName(initializerName.reflectionName())
				.getConstructor()
				.newInstance();
			initializer.initialize(inHook);
			inHook.refresh();

			assertThat(inHook.getBean(ConfigurationPropertiesBindingPostProcessor.BEAN_NAME))
				.isInstanceOf(PrecheckedBindingPostProcessor.class);
			assertThat(inHook.getBean(Settings.class).getName()).isEqualTo("from settings");
			assertThat(inHook.getBean("boundByMethod", Named.class).getName()).isEqualTo("from method");
			assertThat(inHook.getBean("plain", Named.class).getName()).isEqualTo("unbound");
		}
	}

	@Test
	void listsOnlyBeansWhoseClassAndFactoryMethodAskForNoBinding() {
		try (GenericApplicationContext context = context()) {
			AnnotationConfigUtils.registerAnnotationConfigProcessors(context);
			context.registerBean(Config.class);
			context.refreshForAotProcessing(new org.springframework.aot.hint.RuntimeHints());
			List<String> pairs = BindingPostProcessorAotProcessor.nothingToBind(context.getBeanFactory());
			assertThat(pairs).containsSequence("plain", Named.class.getName());
			assertThat(pairs).doesNotContain("boundByMethod", Settings.class.getName());
		}
	}

	@Test
	void aBeanOfAnotherClassThanTheBuildSawGetsBootsFullCheck() {
		assertThat(settingsBoundWhenTheBuildFoundClean(Named.class)).isEqualTo("from settings");
	}

	@Test
	void aBeanOfTheClassTheBuildFoundCleanIsNotLookedAt() {
		// Trusting the build is the point: a wrong list would go unnoticed, hence the exact
		// class match.
		assertThat(settingsBoundWhenTheBuildFoundClean(Settings.class)).isEqualTo("unbound");
	}

	/** The name bound into a {@code settings} bean when the build listed it with this class. */
	private static String settingsBoundWhenTheBuildFoundClean(Class<?> clean) {
		try (GenericApplicationContext context = context()) {
			context.registerBean(ConfigurationPropertiesBindingPostProcessor.BEAN_NAME,
					PrecheckedBindingPostProcessor.class,
					() -> new PrecheckedBindingPostProcessor("settings", clean.getName()));
			ConfigurationPropertiesBindingPostProcessor.register(context);
			context.registerBean("settings", Settings.class);
			context.refresh();
			return context.getBean(Settings.class).getName();
		}
	}

	private static GenericApplicationContext context() {
		GenericApplicationContext context = new GenericApplicationContext();
		context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", PROPERTIES));
		return context;
	}

	/** Compiles Spring AOT's sources against the test class path, as the charm's build does. */
	private Path compile(Map<String, InputStreamSource> sources) throws IOException {
		Path sourceDir = Files.createDirectories(this.build.resolve("sources"));
		Path classes = Files.createDirectories(this.build.resolve("classes"));
		List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", testClassPath(),
				"-proc:none", "-nowarn"));
		for (Map.Entry<String, InputStreamSource> source : sources.entrySet()) {
			Path file = sourceDir.resolve(source.getKey());
			Files.createDirectories(file.getParent());
			try (InputStream in = source.getValue().getInputStream()) {
				Files.copy(in, file);
			}
			arguments.add(file.toString());
		}
		JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
		assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac exit code").isZero();
		return classes;
	}

	/**
	 * Defines the compiled classes in the test's class loader, each in its own package:
	 * generated code uses package-private members of the classes it was generated for, as
	 * it may in the charm's jar.
	 */
	private static void defineInTheirPackages(Path classes) throws Exception {
		List<Path> files;
		try (Stream<Path> walk = Files.walk(classes)) {
			files = walk.filter((file) -> file.toString().endsWith(".class")).sorted().toList();
		}
		for (Path file : files) {
			String packageName = classes.relativize(file.getParent()).toString().replace('/', '.');
			// Every package here has a package-info class to anchor a lookup on.
			Lookup lookup = MethodHandles.privateLookupIn(Class.forName(packageName + ".package-info"),
					MethodHandles.lookup());
			lookup.defineClass(Files.readAllBytes(file));
		}
	}

	private static String testClassPath() {
		// Surefire may start the tests from a manifest-only jar; it names the real path here.
		return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
	}
}
