package io.springcharm.framework.conversion;

import java.time.Duration;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.HookEvent;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/** Config bound with Boot's conversions: durations and sizes as Juju strings. */
@Charm
@EnableConfigurationProperties(ConversionCharm.Settings.class)
public class ConversionCharm {

	@ConfigurationProperties("juju.config")
	public record Settings(Duration interval, DataSize cacheSize) {
	}

	@Component
	static class Status {

		private final HookEnvironment env;

		private final Settings settings;

		private final Duration timeout;

		Status(HookEnvironment env, Settings settings, @Value("${juju.config.timeout}") Duration timeout) {
			this.env = env;
			this.settings = settings;
			this.timeout = timeout;
		}

		@EventListener
		void on(HookEvent event) {
			this.env.active(this.settings.interval().toSeconds() + "s " + this.settings.cacheSize().toMegabytes() + "MB "
					+ this.timeout.toMillis() + "ms");
		}
	}
}
