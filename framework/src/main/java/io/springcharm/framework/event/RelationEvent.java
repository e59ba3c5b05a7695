package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;
import org.jspecify.annotations.Nullable;

/**
 * A hook about one relation: {@code <endpoint>-relation-created|joined|changed|departed|broken}.
 * Every endpoint shares these types; the endpoint is data, so a condition such as
 * {@code "#event.endpoint() == 'db'"} selects one.
 */
public sealed interface RelationEvent extends HookEvent
		permits RelationCreatedEvent, RelationJoinedEvent, RelationChangedEvent, RelationDepartedEvent,
		RelationBrokenEvent {

	private Hook.Relation relation() {
		return hook().relation();
	}

	/** The endpoint name, {@code JUJU_RELATION}, for example {@code db}. */
	default String endpoint() {
		return relation().endpoint();
	}

	/** The relation id as tools take it, for example {@code db:7}. */
	default String relationId() {
		return relation().relationId();
	}

	/** The remote application, {@code JUJU_REMOTE_APP}. */
	default String remoteApp() {
		return relation().remoteApp();
	}

	/** The remote unit, {@code JUJU_REMOTE_UNIT}; {@code null} where Juju leaves it empty. */
	default @Nullable String remoteUnit() {
		return relation().remoteUnit();
	}

	/** The departing unit, {@code JUJU_DEPARTING_UNIT}; set only in relation-departed. */
	default @Nullable String departingUnit() {
		return relation().departingUnit();
	}
}
