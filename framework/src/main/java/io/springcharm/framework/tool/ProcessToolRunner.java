package io.springcharm.framework.tool;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Runs each hook tool as a child process: argv straight to the operating system, never
 * through a shell, in the charm directory, with the hook's environment inherited.
 */
public final class ProcessToolRunner implements ToolRunner {

	private final Path workingDirectory;

	/**
	 * @param workingDirectory where tools run; Juju resolves relative paths given to tools
	 * against it
	 */
	public ProcessToolRunner(Path workingDirectory) {
		this.workingDirectory = workingDirectory;
	}

	@Override
	public ToolResult run(ToolCall call) {
		ProcessBuilder builder = new ProcessBuilder(call.command()).directory(this.workingDirectory.toFile());
		if (call.stdin() == null) {
			builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		}
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new HookToolException(call, -1, "cannot run '" + call.tool() + "': not found on PATH or not executable ("
					+ ex.getMessage().replaceFirst("^Cannot run program \"[^\"]*\"[^:]*: ", "") + ")");
		}
		try {
			if (call.stdin() != null) {
				// Tools read all of stdin before answering, so writing first cannot deadlock.
				try (OutputStream in = process.getOutputStream()) {
					in.write(call.stdin().getBytes(StandardCharsets.UTF_8));
				}
			}
			String stdout = read(process.getInputStream());
			String stderr = read(process.getErrorStream());
			return new ToolResult(process.waitFor(), stdout, stderr);
		}
		catch (IOException ex) {
			process.destroyForcibly();
			throw new HookToolException(call, -1, "lost contact with '" + call.tool() + "': " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new HookToolException(call, -1, "interrupted while running '" + call.tool() + "'");
		}
	}

	private static String read(InputStream stream) throws IOException {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
