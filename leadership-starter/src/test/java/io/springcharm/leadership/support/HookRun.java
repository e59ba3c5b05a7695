package io.springcharm.leadership.support;

import java.util.List;

import io.springcharm.framework.tool.ToolCall;
import org.jspecify.annotations.Nullable;

/**
 * What one hook did.
 *
 * @param exitCode the hook's exit code
 * @param failure the exception that failed it, or {@code null}
 * @param probe what the probe charm's handlers recorded
 * @param calls the tool calls this hook made, in order
 */
public record HookRun(int exitCode, @Nullable Throwable failure, Probe probe, List<ToolCall> calls) {

	/** The tools called, in order, as "tool args…" with secret values redacted. */
	public List<String> commands() {
		return this.calls.stream().map(ToolCall::toString).toList();
	}

	/** The calls of one tool. */
	public List<ToolCall> calls(String tool) {
		return this.calls.stream().filter((call) -> call.tool().equals(tool)).toList();
	}

	/** The calls that write settings (leader-set or relation-set). */
	public List<ToolCall> writes() {
		return this.calls.stream()
			.filter((call) -> call.tool().equals("leader-set") || call.tool().equals("relation-set"))
			.toList();
	}
}
