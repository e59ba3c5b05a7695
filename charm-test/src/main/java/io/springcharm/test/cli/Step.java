package io.springcharm.test.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing to do to a deployed local model, from {@code --step} or a scenario file.
 */
public sealed interface Step {

	/**
	 * {@code config k=v[,k=v]}: change config as {@code juju config} does.
	 * @param values option to value, as text
	 */
	record Config(Map<String, String> values) implements Step {

		public Config {
			values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
		}
	}

	/** {@code add-unit}: add one unit. */
	record AddUnit() implements Step {
	}

	/**
	 * {@code remove-unit UNIT}: tear one unit down.
	 * @param unit the unit name
	 */
	record RemoveUnit(String unit) implements Step {
	}

	/**
	 * {@code run UNIT ACTION [k=v...]}: run an action.
	 * @param unit the unit name
	 * @param action the action name
	 * @param params parameter to value, as text
	 */
	record Run(String unit, String action, Map<String, String> params) implements Step {

		public Run {
			params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
		}
	}

	/** {@code update-status}: fire update-status on every unit. */
	record UpdateStatus() implements Step {
	}

	/**
	 * {@code leader UNIT}: move leadership.
	 * @param unit the new leader
	 */
	record Leader(String unit) implements Step {
	}

	/**
	 * {@code hook UNIT HOOK}: run one hook on one unit.
	 * @param unit the unit name
	 * @param hook the hook name
	 */
	record Hook(String unit, String hook) implements Step {
	}
}
