package io.springcharm.test.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

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

	/**
	 * A percentile of the runs' wall times.
	 * @param runs at least one run
	 * @param percent for example 50 for the median
	 * @return nanoseconds
	 */
	public static long wallNanos(List<HookMeasurement> runs, int percent) {
		return percentile(runs.stream().map((m) -> m.elapsed().toNanos()).sorted().toList(), percent);
	}

	/**
	 * A percentile of the CPU times of the runs that have one.
	 * @param runs the runs
	 * @param percent for example 50 for the median
	 * @return nanoseconds, or -1 when no run has a CPU time
	 */
	public static long cpuNanos(List<HookMeasurement> runs, int percent) {
		List<Long> cpu = runs.stream().map(HookMeasurement::cpu).filter(Objects::nonNull).map(Duration::toNanos)
			.sorted().toList();
		return cpu.isEmpty() ? -1 : percentile(cpu, percent);
	}

	/**
	 * The nearest-rank percentile of sorted values.
	 * @param sorted at least one value, ascending
	 * @param percent for example 95
	 * @return the value
	 */
	public static long percentile(List<Long> sorted, int percent) {
		int rank = (int) Math.ceil(percent / 100.0 * sorted.size());
		return sorted.get(Math.max(0, rank - 1));
	}
}
