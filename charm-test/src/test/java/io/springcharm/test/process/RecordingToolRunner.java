package io.springcharm.test.process;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import io.springcharm.framework.tool.ToolRunner;

/** A fake hook context: answers with a function and remembers every call. */
final class RecordingToolRunner implements ToolRunner {

	private final Function<ToolCall, ToolResult> answers;

	private final List<ToolCall> calls = new ArrayList<>();

	RecordingToolRunner(Function<ToolCall, ToolResult> answers) {
		this.answers = answers;
	}

	@Override
	public synchronized ToolResult run(ToolCall call) {
		this.calls.add(call);
		return this.answers.apply(call);
	}

	synchronized List<ToolCall> calls() {
		return List.copyOf(this.calls);
	}
}
