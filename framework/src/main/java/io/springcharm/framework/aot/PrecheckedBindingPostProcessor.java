package io.springcharm.framework.aot;

import java.util.HashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationPropertiesBindingPostProcessor;

/**
 * Boot's binding post-processor, told at build time which beans have nothing to bind.
 * Boot's own reads every bean's class and factory method annotations looking for a
 * JavaBean {@code @ConfigurationProperties}: about a sixth of a quiet hook's main thread.
 * A bean is skipped only when its instance is of the very class found clean at build time;
 * any other bean, or an instance of another class, gets Boot's full check.
 */
public final class PrecheckedBindingPostProcessor extends ConfigurationPropertiesBindingPostProcessor {

	private final Map<String, String> nothingToBind;

	/**
	 * Called from the code Spring AOT generates for the charm.
	 * @param beanNamesAndClasses pairs of a bean name and the name of the class whose
	 * instances, under that bean name, have no {@code @ConfigurationProperties}
	 */
	public PrecheckedBindingPostProcessor(String... beanNamesAndClasses) {
		if (beanNamesAndClasses.length % 2 != 0) {
			throw new IllegalArgumentException("Bean names and classes come in pairs");
		}
		this.nothingToBind = new HashMap<>(beanNamesAndClasses.length);
		for (int i = 0; i < beanNamesAndClasses.length; i += 2) {
			this.nothingToBind.put(beanNamesAndClasses[i], beanNamesAndClasses[i + 1]);
		}
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean.getClass().getName().equals(this.nothingToBind.get(beanName))) {
			return bean;
		}
		return super.postProcessBeforeInitialization(bean, beanName);
	}
}
