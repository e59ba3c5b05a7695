package io.springcharm.test.scenario;

/**
 * Thrown before running when a scenario's state or event is one Juju could never produce
 * for this charm, for example an undeclared endpoint or a config value of the wrong type.
 */
public final class InconsistentScenarioException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * @param message what is inconsistent and what to do instead
	 */
	public InconsistentScenarioException(String message) {
		super(message);
	}
}
