package io.springcharm.framework.tool;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.Supplier;


/**
 * Runs each hook tool as a child process: argv straight to the operating system, never
 * through a shell, in the charm directory, with the hook's environment inherited.
 * <p>
 * A tool name without a slash is looked up on this process's {@code PATH}, where Juju
 * puts its tools directory first.
 */
public final class ProcessToolRunner implements ToolRunner {

	private static final File NO_INPUT = new File("/dev/null");

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
		String stdin = call.stdin();
		if (stdin == null) {
			builder.redirectInput(ProcessBuilder.Redirect.from(NO_INPUT));
		}
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			throw new HookToolException(call, -1, cannotStart(call.tool(), ex));
		}
		try {
			// Each stream has its own reader so that no pipe can fill up and stall the tool.
			CompletableFuture<String> stderr = background(call, "stderr", () -> read(process.getErrorStream()));
			// Without stdin the tool reads /dev/null: no writer thread (most calls, every hook).
			CompletableFuture<String> input = (stdin != null)
					? background(call, "stdin", () -> write(process.getOutputStream(), stdin))
					: CompletableFuture.completedFuture("");
			String stdout = readNow(process.getInputStream());
			int exitCode = process.waitFor();
			input.get();
			return new ToolResult(exitCode, stdout, stderr.get());
		}
		catch (IOException | ExecutionException ex) {
			process.destroyForcibly();
			Throwable cause = (ex.getCause() != null) ? ex.getCause() : ex;
			throw new HookToolException(call, -1,
					"lost contact with '" + call.tool() + "' while exchanging data: " + cause.getMessage());
		}
		catch (InterruptedException ex) {
			process.destroyForcibly();
			Thread.currentThread().interrupt();
			throw new HookToolException(call, -1, "interrupted while running '" + call.tool() + "'");
		}
	}

	private static String cannotStart(String tool, IOException ex) {
		String reason = String.valueOf(ex.getMessage());
		if (reason.contains("error=2,")) {
			return "cannot run '" + tool + "': not found on PATH; hook tools exist only while Juju runs a hook "
					+ "(PATH=" + System.getenv("PATH") + ")";
		}
		if (reason.contains("error=13,")) {
			return "cannot run '" + tool + "': permission denied (not executable)";
		}
		if (reason.contains("error=7,")) {
			return "cannot run '" + tool + "': its arguments are longer than the system allows";
		}
		return "cannot run '" + tool + "': " + reason.replaceFirst("^Cannot run program \"[^\"]*\"[^:]*: ", "");
	}

	/**
	 * Runs a stream copy on its own thread: the common pool may have a single thread, and
	 * the stdin writer and stderr reader must progress together.
	 */
	private static CompletableFuture<String> background(ToolCall call, String stream, Supplier<String> task) {
		CompletableFuture<String> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(task.get());
			}
			catch (RuntimeException ex) {
				result.completeExceptionally(ex);
			}
		}, call.tool() + "-" + stream);
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	private static String write(OutputStream stream, String text) {
		try (stream) {
			stream.write(text.getBytes(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			// The tool exited without reading its input (for example on bad usage); its exit
			// code and stderr tell why, so that is what the caller sees.
		}
		return "";
	}

	private static String read(InputStream stream) {
		try {
			return readNow(stream);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String readNow(InputStream stream) throws IOException {
		try (stream) {
			return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
		}
	}
}
