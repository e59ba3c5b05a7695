package io.springcharm.test.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

import io.springcharm.framework.tool.ToolResult;
import io.springcharm.test.model.CharmDirectories;
import io.springcharm.test.model.HookExecution;
import io.springcharm.test.model.UnitDirectories;

/**
 * Prints what one hook-tool call costs from a shell hook, per client: a hook runs
 * {@code is-leader} N times and, for comparison, {@code /bin/true} N times. Not a test
 * (timings are not asserted anywhere); run it with
 * {@code java -cp <test classpath> io.springcharm.test.process.ToolCallBenchmark [N]}.
 */
public final class ToolCallBenchmark {

	private ToolCallBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 500;
		Path dir = Files.createTempDirectory("tool-call-benchmark-");
		try {
			for (ClientKind kind : ClientKind.values()) {
				try (ProcessHookExecutor executor = ProcessHookExecutor.builder()
					.root(dir.resolve(kind.name()))
					.cacheDirectory(dir.resolve("cache"))
					.client(kind)
					.build()) {
					double tool = perCall(executor, dir, "is-leader", calls);
					double baseline = perCall(executor, dir, "/bin/true", calls);
					System.out.printf(Locale.ROOT, "%-6s client: %.2f ms per tool call (/bin/true in the same loop: %.2f ms;"
							+ " socket round trip and agent ~%.2f ms)%n", kind, tool, baseline, tool - baseline);
				}
			}
		}
		finally {
			CharmDirectories.deleteQuietly(dir);
		}
	}

	private static double perCall(ProcessHookExecutor executor, Path dir, String command, int calls) throws IOException {
		Path charm = ShellCharms.charm(dir.resolve("charm"), "name: bench\n", """
				#!/bin/sh
				i=0
				while [ $i -lt %d ]; do %s >/dev/null; i=$((i+1)); done
				""".formatted(calls, command));
		UnitDirectories unit = new UnitDirectories("bench/0", charm, dir.resolve("machine"));
		RecordingToolRunner runner = new RecordingToolRunner((call) -> ToolResult.ok("True\n"));
		// Warm up the page cache and the JIT of the server side first.
		run(executor, unit, runner, "warmup");
		HookExecution execution = run(executor, unit, runner, "bench");
		if (!execution.succeeded()) {
			throw new IllegalStateException(execution.output());
		}
		return execution.elapsed().toNanos() / 1e6 / calls;
	}

	private static HookExecution run(ProcessHookExecutor executor, UnitDirectories unit, RecordingToolRunner runner,
			String hook) {
		return executor.execute(unit, Map.of("JUJU_DISPATCH_PATH", "hooks/" + hook, "JUJU_CONTEXT_ID",
				"bench-0-" + hook + "-" + System.nanoTime()), runner);
	}
}
