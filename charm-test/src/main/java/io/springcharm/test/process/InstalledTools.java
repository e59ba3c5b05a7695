package io.springcharm.test.process;

import java.nio.file.Path;

import org.jspecify.annotations.Nullable;

/**
 * Hook tools installed for the local model.
 *
 * @param directory the directory to put first on a hook's {@code PATH}: the client
 * {@code jujuc} and one link to it per tool
 * @param client which client was installed
 * @param hookRunner the compiled {@code hookrun} that runs and measures a hook, or
 * {@code null} when there is no C compiler
 */
public record InstalledTools(Path directory, ClientKind client, @Nullable Path hookRunner) {

	/** The client itself. */
	public Path clientPath() {
		return this.directory.resolve("jujuc");
	}
}
