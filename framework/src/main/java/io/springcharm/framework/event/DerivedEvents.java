package io.springcharm.framework.event;

import java.util.List;

/**
 * Contributes events that follow from the hook's event, published after it and before
 * {@link HookCompletedEvent}. Starters implement this (the leadership starter derives
 * {@code LeadershipChangedEvent}); beans implementing it are called in {@code @Order}.
 */
@FunctionalInterface
public interface DerivedEvents {

	/**
	 * @param event the hook's event, already handled
	 * @return events to publish now, in order; empty for none
	 */
	List<Object> after(HookEvent event);
}
