package io.springcharm.test.process;

import java.nio.file.Path;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What one hook process cost.
 *
 * @param unitName the unit, for example {@code example-charm/0}
 * @param hook the hook or action name, from {@code JUJU_DISPATCH_PATH}
 * @param action whether it was an action
 * @param exitCode the process's exit code
 * @param elapsed wall time from starting the process to reaping it
 * @param cpu user plus system CPU time of the process and the children it waited for, or
 * {@code null} when not measured (no C compiler for the hook runner)
 * @param maxRssKilobytes peak resident set size in KiB of the process or any waited-for
 * child, or -1 when not measured
 * @param toolCalls how many hook-tool calls the socket answered during the hook
 * @param log the file holding its output (stdout and stderr merged), or {@code null} when
 * nothing ran
 */
public record HookMeasurement(String unitName, String hook, boolean action, int exitCode, Duration elapsed,
		@Nullable Duration cpu, long maxRssKilobytes, long toolCalls, @Nullable Path log) {
}
