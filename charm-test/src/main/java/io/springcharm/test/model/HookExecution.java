package io.springcharm.test.model;

import java.time.Duration;

/**
 * How one hook run ended.
 *
 * @param exitCode the process exit code; 0 commits the hook's buffered changes
 * @param elapsed wall time of the hook, measured around the hook alone
 * @param output what it wrote to stdout and stderr, interleaved as captured
 */
public record HookExecution(int exitCode, Duration elapsed, String output) {

	/** Whether the hook succeeded. */
	public boolean succeeded() {
		return this.exitCode == 0;
	}
}
