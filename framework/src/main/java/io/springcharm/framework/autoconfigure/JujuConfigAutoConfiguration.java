package io.springcharm.framework.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.DefaultConversionService;

/**
 * Auto-configuration for binding {@code juju.config.*} (and other properties) to
 * {@code @ConfigurationProperties} records: a plain conversion service. Charm config holds
 * only strings, numbers and booleans, so Boot's application conversion service, whose
 * date-time formatters and converters cost every hook their start-up, is not needed; a
 * charm that wants it declares its own {@code conversionService} bean.
 */
@AutoConfiguration
public final class JujuConfigAutoConfiguration {

	@Bean(name = ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME)
	@ConditionalOnMissingBean(name = ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME)
	static ConversionService conversionService() {
		return new DefaultConversionService();
	}
}
