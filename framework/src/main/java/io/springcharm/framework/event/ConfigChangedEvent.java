package io.springcharm.framework.event;

import java.util.Set;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code config-changed} hook: after install, after every charm upgrade,
 * and whenever the application's config, trust or the unit's addresses changed.
 *
 * @param hook the hook being run
 * @param changedOptions the options whose value differs from the last successful
 * {@code config-changed} on this unit (every option with a value on the first one); empty
 * when Juju ran the hook for another reason
 */
public record ConfigChangedEvent(Hook hook, Set<String> changedOptions) implements HookEvent {

	/**
	 * Whether an option changed, for conditions such as {@code "#event.changed('port')"}.
	 * @param option the option name as declared in config.yaml
	 * @return whether it changed since the last successful config-changed
	 */
	public boolean changed(String option) {
		return this.changedOptions.contains(option);
	}
}
