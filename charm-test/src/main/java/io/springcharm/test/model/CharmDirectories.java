package io.springcharm.test.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

import io.springcharm.framework.state.UnitState;
import org.jspecify.annotations.Nullable;

/** Copies and deletes the charm directories of units. */
public final class CharmDirectories {

	private CharmDirectories() {
	}

	/**
	 * Copies a charm directory for a unit, keeping file modes (the executable bit of
	 * {@code dispatch} and hooks) and symbolic links, and leaving out any unit state so
	 * that the unit starts fresh.
	 * @param from the source directory
	 * @param to the target directory, created if missing
	 * @throws UncheckedIOException when the copy fails
	 */
	public static void copy(Path from, Path to) {
		try {
			Files.walkFileTree(from, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
					Files.createDirectories(to.resolve(from.relativize(dir).toString()));
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					String name = file.getFileName().toString();
					if (name.equals(UnitState.FILE_NAME) || name.equals(UnitState.FILE_NAME + ".lock")) {
						return FileVisitResult.CONTINUE;
					}
					Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.COPY_ATTRIBUTES,
							LinkOption.NOFOLLOW_LINKS, StandardCopyOption.REPLACE_EXISTING);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path dir, @Nullable IOException ex) throws IOException {
					if (ex != null) {
						throw ex;
					}
					Path target = to.resolve(from.relativize(dir).toString());
					Files.setPosixFilePermissions(target, Files.getPosixFilePermissions(dir));
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot copy " + from + " to " + to + ": " + ex.getMessage(), ex);
		}
	}

	/**
	 * Deletes a directory tree; what cannot be deleted is left.
	 * @param dir the directory
	 */
	public static void deleteQuietly(Path dir) {
		if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
			return;
		}
		try {
			Files.walkFileTree(dir, new SimpleFileVisitor<>() {
				@Override
				public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
					Files.deleteIfExists(file);
					return FileVisitResult.CONTINUE;
				}

				@Override
				public FileVisitResult postVisitDirectory(Path d, @Nullable IOException ex) throws IOException {
					Files.deleteIfExists(d);
					return FileVisitResult.CONTINUE;
				}
			});
		}
		catch (IOException ex) {
			// Best effort: a leftover temporary directory is not worth failing a test for.
		}
	}
}
