package io.springcharm.test.scenario;

import java.util.List;

import io.springcharm.framework.event.HookEvent;
import io.springcharm.test.juju.LogLine;
import io.springcharm.test.juju.Reboot;
import io.springcharm.test.juju.StatusInfo;
import io.springcharm.test.juju.ToolCallRecord;
import io.springcharm.test.model.ActionResult;
import org.jspecify.annotations.Nullable;

/**
 * What one scenario run produced.
 *
 * @param state the output state
 * @param events every payload published in the charm's context, in order: the hook's
 * {@link HookEvent}, lifecycle and derived events
 * @param toolCalls the hook's tool calls, in order, values redacted
 * @param logs the {@code juju-log} lines
 * @param statusHistory the unit statuses set during the run, oldest first
 * @param action how the action ended, or {@code null} for a hook
 * @param exitCode the exit code (1 also when a successful hook's commit failed)
 * @param failure what failed the hook, or {@code null}; a
 * {@link io.springcharm.framework.tool.RebootNowException} when {@code juju-reboot --now}
 * stopped it
 * @param errorOutput what the entry point wrote to stderr (stack traces)
 * @param reboot the reboot the hook asked for with {@code juju-reboot}, or {@code null};
 * reported even when the hook then failed, though Juju reboots after a hook only when it
 * succeeded
 */
public record Result(State state, List<Object> events, List<ToolCallRecord> toolCalls, List<LogLine> logs,
		List<StatusInfo> statusHistory, @Nullable ActionResult action, int exitCode, @Nullable Throwable failure,
		String errorOutput, @Nullable Reboot reboot) {

	public Result {
		events = List.copyOf(events);
		toolCalls = List.copyOf(toolCalls);
		logs = List.copyOf(logs);
		statusHistory = List.copyOf(statusHistory);
	}

	/**
	 * Whether the hook exited 0 and its changes were committed: not when it failed, and not
	 * when {@code juju-reboot --now} had Juju kill it.
	 */
	public boolean succeeded() {
		return this.exitCode == 0 && this.reboot != Reboot.NOW;
	}

	/**
	 * The published payloads of one type, in order.
	 * @param <T> the type
	 * @param type the type
	 * @return the payloads
	 */
	public <T> List<T> events(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).toList();
	}

	/** The hook's own event, or {@code null} if the context failed before publishing it. */
	public @Nullable HookEvent hookEvent() {
		List<HookEvent> hooks = events(HookEvent.class);
		return hooks.isEmpty() ? null : hooks.get(0);
	}
}
