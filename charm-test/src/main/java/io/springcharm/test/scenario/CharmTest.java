package io.springcharm.test.scenario;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Makes a JUnit 5 test class a charm test: its test methods (and constructor) can declare a
 * {@link Scenario} parameter, built from the charm class and its charm directory's
 * metadata.yaml, config.yaml and actions.yaml. Each test gets its own scratch directory,
 * deleted afterwards.
 *
 * <pre class="code">
 * &#064;CharmTest(charm = MyCharm.class)
 * class MyCharmTests {
 *     &#064;Test
 *     void installSetsStatus(Scenario scenario) {
 *         Result result = scenario.run(Event.install(), scenario.defaultState());
 *         assertThat(result.state().unitStatus().status()).isEqualTo("maintenance");
 *     }
 * }
 * </pre>
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ExtendWith(CharmTestExtension.class)
public @interface CharmTest {

	/** The charm's {@code @Charm} class. */
	Class<?> charm();

	/** The charm directory, relative to the working directory (the module's, under Maven). */
	String charmDir() default "src/main/charm";

	/** The local unit's number. */
	int unitId() default 0;

	/** {@code JUJU_VERSION}. */
	String jujuVersion() default "3.6.0";
}
