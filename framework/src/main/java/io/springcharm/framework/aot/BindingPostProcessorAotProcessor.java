package io.springcharm.framework.aot;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.aot.generate.GenerationContext;
import org.springframework.beans.factory.aot.BeanRegistrationAotContribution;
import org.springframework.beans.factory.aot.BeanRegistrationAotProcessor;
import org.springframework.beans.factory.aot.BeanRegistrationCode;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragments;
import org.springframework.beans.factory.aot.BeanRegistrationCodeFragmentsDecorator;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.RegisteredBean;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.core.annotation.MergedAnnotations.SearchStrategy;
import org.springframework.javapoet.CodeBlock;

/**
 * At build time, replaces Boot's binding post-processor with a
 * {@link PrecheckedBindingPostProcessor} that knows which beans have nothing to bind: those
 * whose class and factory method carry no {@code @ConfigurationProperties}. Registered in
 * {@code META-INF/spring/aot.factories}.
 */
final class BindingPostProcessorAotProcessor implements BeanRegistrationAotProcessor {

	@Override
	public @Nullable BeanRegistrationAotContribution processAheadOfTime(RegisteredBean registeredBean) {
		if (registeredBean.getBeanClass() != ConfigurationPropertiesBindingPostProcessor.class) {
			return null;
		}
		List<String> pairs = nothingToBind(registeredBean.getBeanFactory());
		return BeanRegistrationAotContribution.withCustomCodeFragments((fragments) -> new Prechecked(fragments, pairs));
	}

	/**
	 * Pairs of bean name and class for every bean whose instances have nothing to bind, as
	 * far as the build can tell.
	 */
	static List<String> nothingToBind(ConfigurableListableBeanFactory beanFactory) {
		List<String> pairs = new ArrayList<>();
		for (String name : beanFactory.getBeanDefinitionNames()) {
			if (beanFactory.getBeanDefinition(name).isAbstract()) {
				continue;
			}
			Class<?> type = instanceType(RegisteredBean.of(beanFactory, name));
			if (type != null) {
				pairs.add(name);
				pairs.add(type.getName());
			}
		}
		return pairs;
	}

	/** The class a bean's instance has if nothing on it asks for binding, else null. */
	private static @Nullable Class<?> instanceType(RegisteredBean bean) {
		Executable executable;
		try {
			executable = bean.resolveConstructorOrFactoryMethod();
		}
		catch (RuntimeException ex) {
			// Not resolvable at build time: leave the bean to Boot's check in the hook.
			return null;
		}
		if (executable instanceof Method method) {
			Class<?> type = method.getReturnType();
			return (asksForBinding(method) || asksForBinding(type)) ? null : type;
		}
		Class<?> type = executable.getDeclaringClass();
		return asksForBinding(type) ? null : type;
	}

	private static boolean asksForBinding(AnnotatedElement element) {
		return MergedAnnotations.from(element, SearchStrategy.TYPE_HIERARCHY).isPresent(ConfigurationProperties.class);
	}

	/** Generates {@code () -> new PrecheckedBindingPostProcessor("name", "class", ...)}. */
	private static final class Prechecked extends BeanRegistrationCodeFragmentsDecorator {

		private final List<String> pairs;

		Prechecked(BeanRegistrationCodeFragments delegate, List<String> pairs) {
			super(delegate);
			this.pairs = pairs;
		}

		@Override
		public CodeBlock generateInstanceSupplierCode(GenerationContext generationContext,
				BeanRegistrationCode beanRegistrationCode, boolean allowDirectSupplierShortcut) {
			CodeBlock arguments = this.pairs.stream().map((value) -> CodeBlock.of("$S", value))
				.collect(CodeBlock.joining(", "));
			return CodeBlock.of("() -> new $T($L)", PrecheckedBindingPostProcessor.class, arguments);
		}
	}
}
