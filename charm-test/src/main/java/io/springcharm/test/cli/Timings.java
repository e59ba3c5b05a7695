package io.springcharm.test.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.springcharm.test.process.HookMeasurement;

/**
 * Per-hook-name statistics over hook processes: count, median and 95th percentile wall time,
 * median CPU time, peak memory and tool calls.
 */
final class Timings {

	private Timings() {
	}

	/**
	 * A table, one row per hook name in order of first appearance.
	 * @param measurements the hooks that ran
	 * @return the table, ending with a newline
	 */
	static String table(Collection<HookMeasurement> measurements) {
		Map<String, List<HookMeasurement>> byHook = new LinkedHashMap<>();
		for (HookMeasurement m : measurements) {
			byHook.computeIfAbsent((m.action() ? "action " : "") + m.hook(), (k) -> new ArrayList<>()).add(m);
		}
		List<List<String>> rows = new ArrayList<>();
		rows.add(List.of("Hook", "Count", "Median ms", "p95 ms", "Max ms", "CPU ms (median)", "Peak RSS MiB", "Tool calls"));
		for (Map.Entry<String, List<HookMeasurement>> entry : byHook.entrySet()) {
			List<HookMeasurement> runs = entry.getValue();
			List<Long> wall = runs.stream().map((m) -> m.elapsed().toNanos()).sorted().toList();
			List<Long> cpu = runs.stream().filter((m) -> m.cpu() != null).map((m) -> m.cpu().toNanos()).sorted().toList();
			long rss = runs.stream().mapToLong(HookMeasurement::maxRssKilobytes).max().orElse(-1);
			long calls = runs.stream().mapToLong(HookMeasurement::toolCalls).sum();
			rows.add(List.of(entry.getKey(), String.valueOf(runs.size()), millis(HookMeasurement.percentile(wall, 50)),
					millis(HookMeasurement.percentile(wall, 95)), millis(wall.get(wall.size() - 1)),
					cpu.isEmpty() ? "-" : millis(HookMeasurement.percentile(cpu, 50)),
					(rss < 0) ? "-" : String.format(Locale.ROOT, "%.0f", rss / 1024.0), String.valueOf(calls)));
		}
		return format(rows);
	}

	static String millis(long nanos) {
		return String.valueOf(Duration.ofNanos(nanos).toMillis());
	}

	static String format(List<List<String>> rows) {
		int columns = rows.get(0).size();
		int[] widths = new int[columns];
		for (List<String> row : rows) {
			for (int i = 0; i < columns; i++) {
				widths[i] = Math.max(widths[i], row.get(i).length());
			}
		}
		StringBuilder out = new StringBuilder();
		for (List<String> row : rows) {
			StringBuilder line = new StringBuilder();
			for (int i = 0; i < columns; i++) {
				String cell = row.get(i);
				line.append((i == 0) ? pad(cell, widths[i]) : padLeft(cell, widths[i]));
				line.append("  ");
			}
			out.append(line.toString().stripTrailing()).append('\n');
		}
		return out.toString();
	}

	private static String pad(String text, int width) {
		return text + " ".repeat(width - text.length());
	}

	private static String padLeft(String text, int width) {
		return " ".repeat(width - text.length()) + text;
	}
}
