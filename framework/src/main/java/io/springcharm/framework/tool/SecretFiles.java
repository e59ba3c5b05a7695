package io.springcharm.framework.tool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Secret content written to files for {@code secret-add} and {@code secret-set}, passed as
 * {@code key#file=<path>} so that no value appears in argv (visible to every local user
 * through {@code /proc}) or in an error message. The files live in a directory only this
 * user can read, and are deleted when closed.
 */
final class SecretFiles implements AutoCloseable {

	private static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");

	private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

	private final Path directory;

	private final List<String> arguments;

	private SecretFiles(Path directory, List<String> arguments) {
		this.directory = directory;
		this.arguments = arguments;
	}

	/**
	 * Writes each value to its own file.
	 * @param tool the tool, for messages
	 * @param content secret keys to values
	 * @return the files, to be closed once the tool has run
	 */
	static SecretFiles write(String tool, Map<String, String> content) {
		content.keySet().forEach((key) -> ToolArguments.checkSecretKey(tool, key));
		Path directory;
		try {
			directory = Files.createTempDirectory("spring-charm-secret-", PosixFilePermissions.asFileAttribute(DIRECTORY));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(tool + ": cannot create a private directory for secret content", ex);
		}
		SecretFiles files = new SecretFiles(directory.toAbsolutePath(), new ArrayList<>());
		try {
			Files.setPosixFilePermissions(directory, DIRECTORY);
			for (Map.Entry<String, String> entry : content.entrySet()) {
				// Juju's agent opens these paths itself, without the caller's working
				// directory, so they must be absolute.
				Path file = files.directory.resolve(entry.getKey());
				Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
				Files.setPosixFilePermissions(file, FILE);
				Files.write(file, entry.getValue().getBytes(StandardCharsets.UTF_8), StandardOpenOption.TRUNCATE_EXISTING);
				files.arguments.add(entry.getKey() + "#file=" + file);
			}
			return files;
		}
		catch (IOException ex) {
			files.close();
			throw new UncheckedIOException(tool + ": cannot write secret content to a private file", ex);
		}
	}

	/** The {@code key#file=<path>} arguments, one per key. */
	List<String> arguments() {
		return List.copyOf(this.arguments);
	}

	/** Deletes the files and their directory. */
	@Override
	public void close() {
		try (Stream<Path> paths = Files.walk(this.directory)) {
			paths.sorted(Comparator.reverseOrder()).forEach(SecretFiles::delete);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete temporary secret files in " + this.directory, ex);
		}
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot delete temporary secret file " + path, ex);
		}
	}
}
