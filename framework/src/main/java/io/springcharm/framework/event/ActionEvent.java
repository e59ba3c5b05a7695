package io.springcharm.framework.event;

import java.util.Map;

import io.springcharm.framework.hook.Hook;
import org.jspecify.annotations.Nullable;

/**
 * Raised for an action run with {@code juju run unit action}. Select one with a condition
 * such as {@code "#event.name() == 'backup'"}. Results and failure go through
 * {@code HookEnvironment.action()}.
 *
 * @param hook the hook being run
 * @param params the action's parameters from {@code action-get}, with their JSON types
 */
public record ActionEvent(Hook hook, Map<String, Object> params) implements HookEvent {

	/** The action name, {@code JUJU_ACTION_NAME}. */
	public String name() {
		return this.hook.action().name();
	}

	/** The action id, {@code JUJU_ACTION_UUID}. */
	public String id() {
		return this.hook.action().id();
	}

	/**
	 * One parameter.
	 * @param key the parameter name
	 * @return its value, or {@code null} when not given
	 */
	public @Nullable Object param(String key) {
		return this.params.get(key);
	}
}
