package io.springcharm.test.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Tiny charm directories whose {@code dispatch} is a shell script. */
final class ShellCharms {

	private ShellCharms() {
	}

	static Path charm(Path directory, String metadata, String dispatch) throws IOException {
		Files.createDirectories(directory);
		Files.writeString(directory.resolve("metadata.yaml"), metadata);
		Path script = directory.resolve("dispatch");
		Files.writeString(script, dispatch);
		Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
		return directory;
	}
}
