package io.springcharm.reliability.scale.charm;

import io.springcharm.framework.Charm;
import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.RelationChangedEvent;
import io.springcharm.framework.event.RelationDepartedEvent;
import io.springcharm.framework.event.RelationJoinedEvent;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The charm the scale tests run: for each remote unit of its {@code db} relation it keeps
 * the flag {@code joined.<unit>} from relation-joined to relation-departed, and the value
 * {@code keys.<unit>} (how many keys the unit's relation data has) from relation-changed
 * to relation-departed. Nothing else grows with membership.
 */
@Charm
public class ScaleProbeCharm {

	/** The flag kept for a remote unit while it is joined. */
	public static String joinedFlag(String remoteUnit) {
		return "joined." + remoteUnit;
	}

	/** The unit-state key holding the size of a remote unit's relation data. */
	public static String keysValue(String remoteUnit) {
		return "keys." + remoteUnit;
	}

	@Component
	static class Members {

		private final HookEnvironment env;

		private final UnitState state;

		private final Flags flags;

		Members(HookEnvironment env, UnitState state, Flags flags) {
			this.env = env;
			this.state = state;
			this.flags = flags;
		}

		@EventListener
		void joined(RelationJoinedEvent event) {
			this.flags.set(joinedFlag(event.remoteUnit()));
		}

		@EventListener(condition = "#event.remoteUnit() != null")
		void changed(RelationChangedEvent event) {
			int keys = this.env.tools().relationGet(event.relationId(), event.remoteUnit(), false).size();
			this.state.put(keysValue(event.remoteUnit()), Integer.toString(keys));
		}

		@EventListener
		void departed(RelationDepartedEvent event) {
			this.flags.clear(joinedFlag(event.remoteUnit()));
			this.state.remove(keysValue(event.remoteUnit()));
		}
	}
}
