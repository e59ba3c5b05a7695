package io.springcharm.framework.autoconfigure;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.ConversionService;

/**
 * Auto-configuration for binding {@code juju.config.*} (and other properties) to
 * {@code @ConfigurationProperties} records: Boot's shared application conversion service
 * as the context's {@code conversionService}. Boot's binder adds that shared instance
 * whenever the context's own service is not an application conversion service, so any
 * other default would only build a second one in every hook; a charm that wants another
 * declares its own {@code conversionService} bean.
 */
@AutoConfiguration
public final class JujuConfigAutoConfiguration {

	@Bean(name = ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME)
	@ConditionalOnMissingBean(name = ConfigurableApplicationContext.CONVERSION_SERVICE_BEAN_NAME)
	static ConversionService conversionService() {
		return ApplicationConversionService.getSharedInstance();
	}
}
