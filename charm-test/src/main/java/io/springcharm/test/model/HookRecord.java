package io.springcharm.test.model;

import java.time.Duration;

/**
 * One hook or action run by the local model.
 *
 * @param unit the unit, for example {@code example-charm/1}
 * @param hook the hook name, for example {@code cluster-relation-changed}, or the action's
 * dispatch path for actions, for example {@code actions/get-password}
 * @param exitCode its exit code (1 when a successful hook's commit failed)
 * @param elapsed how long the hook ran
 */
public record HookRecord(String unit, String hook, int exitCode, Duration elapsed) {

	/** Whether it succeeded. */
	public boolean succeeded() {
		return this.exitCode == 0;
	}
}
