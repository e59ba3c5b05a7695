package io.springcharm.test.juju;

import java.util.Set;

/**
 * What a hook changed that other units must hear about, so that an orchestrator can queue
 * their hooks.
 *
 * @param unit the unit that ran the hook
 * @param hook the hook or action name
 * @param committed whether the buffered changes were applied
 * @param unitDataChanged relations whose bag of this unit changed (each other unit in the
 * relation gets {@code relation-changed} for this unit)
 * @param appDataChanged relations whose application bag changed (each other unit of a peer
 * relation gets {@code relation-changed} with an empty {@code JUJU_REMOTE_UNIT})
 * @param leaderSettingsChanged whether {@code leader-set} changed leader settings; applied at
 * once, so reported even when the hook failed
 */
public record HookChanges(String unit, String hook, boolean committed, Set<Integer> unitDataChanged,
		Set<Integer> appDataChanged, boolean leaderSettingsChanged) {

	public HookChanges {
		unitDataChanged = Set.copyOf(unitDataChanged);
		appDataChanged = Set.copyOf(appDataChanged);
	}
}
