package io.springcharm.test.model;

import java.util.List;
import java.util.Map;

/**
 * How an action ended.
 *
 * @param status {@code completed} or {@code failed}
 * @param results what the action set with {@code action-set}, nested at dots
 * @param message the {@code action-fail} message, or a description of the failure; empty
 * when completed
 * @param logs its {@code action-log} messages, in order
 */
public record ActionResult(String status, Map<String, Object> results, String message, List<String> logs) {

	/** Whether it completed. */
	public boolean completed() {
		return "completed".equals(this.status);
	}
}
