package io.springcharm.framework;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationExcludeFilter;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.TypeExcludeFilter;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.FilterType;

/**
 * Marks a charm's main class: scans the charm's own package for handlers, and imports only
 * the auto-configurations that charm modules register in
 * {@code META-INF/spring/io.springcharm.framework.Charm.imports} (the framework's, the
 * leadership starter's, any other charm starter's), the way Boot's test slices do, rather
 * than Boot's whole candidate list. Use it instead of {@code @SpringBootApplication}:
 * every hook starts a JVM, and each unneeded candidate costs time in every hook. The
 * charm class's {@code @Bean} methods are not proxied (as in Boot's auto-configurations):
 * a bean method that needs another bean takes it as a parameter.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@SpringBootConfiguration(proxyBeanMethods = false)
@ComponentScan(excludeFilters = { @ComponentScan.Filter(type = FilterType.CUSTOM, classes = TypeExcludeFilter.class),
		@ComponentScan.Filter(type = FilterType.CUSTOM, classes = AutoConfigurationExcludeFilter.class) })
@ImportAutoConfiguration
public @interface Charm {

}
