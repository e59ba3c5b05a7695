package io.springcharm.framework.config;

import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.env.PropertySource;

/**
 * The charm's config as Spring properties: option {@code password-length} is the property
 * {@code juju.config.password-length}, so it binds to a {@code @ConfigurationProperties("juju.config")}
 * record. Juju is asked ({@code config-get}) only when such a property is first read.
 */
public final class JujuConfigPropertySource extends PropertySource<Supplier<Map<String, Object>>> {

	/** The name of this property source. */
	public static final String NAME = "jujuConfig";

	/** The prefix of every property it holds. */
	public static final String PREFIX = "juju.config.";

	/**
	 * @param config supplies the config, called on the first read of a {@code juju.config.} property
	 */
	public JujuConfigPropertySource(Supplier<Map<String, Object>> config) {
		super(NAME, config);
	}

	@Override
	public @Nullable Object getProperty(String name) {
		if (!name.startsWith(PREFIX)) {
			return null;
		}
		return getSource().get().get(name.substring(PREFIX.length()));
	}
}
