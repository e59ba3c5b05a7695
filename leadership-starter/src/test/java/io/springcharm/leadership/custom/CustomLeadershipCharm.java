package io.springcharm.leadership.custom;

import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.Charm;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.leadership.DefaultLeadership;
import io.springcharm.leadership.Leadership;
import io.springcharm.leadership.support.Probe;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A charm that declares its own {@link Leadership}: the starter's must step aside. */
@Charm
public class CustomLeadershipCharm {

	@Bean
	Leadership leadership() {
		return new FixedLeadership();
	}

	@Component
	static class Handlers {

		private final Probe probe;

		private final ApplicationContext context;

		Handlers(Probe probe, ApplicationContext context) {
			this.probe = probe;
			this.context = context;
		}

		@EventListener(condition = "@leadership.leader")
		void report(HookEvent event) {
			this.probe.log("leadership: " + this.context.getBean("leadership").getClass().getSimpleName());
			this.probe.log("default beans: " + this.context.getBeanNamesForType(DefaultLeadership.class).length);
		}
	}

	/** Always the leader, with settings in memory. */
	static final class FixedLeadership implements Leadership {

		private final Map<String, String> settings = new TreeMap<>();

		@Override
		public boolean isLeader() {
			return true;
		}

		@Override
		public boolean isAvailable() {
			return true;
		}

		@Override
		public @Nullable String get(String key) {
			return this.settings.get(key);
		}

		@Override
		public Map<String, String> getAll() {
			return Map.copyOf(this.settings);
		}

		@Override
		public boolean has(String key) {
			return this.settings.containsKey(key);
		}

		@Override
		public boolean isChanged(String key) {
			return false;
		}

		@Override
		public boolean isChanged() {
			return false;
		}

		@Override
		public void set(String key, @Nullable String value) {
			this.settings.put(key, value);
		}

		@Override
		public void set(Map<String, ? extends @Nullable Object> values) {
			values.forEach((key, value) -> this.settings.put(key, String.valueOf(value)));
		}

		@Override
		public void unset(String key) {
			this.settings.remove(key);
		}
	}
}
