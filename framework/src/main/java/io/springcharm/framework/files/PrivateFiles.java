package io.springcharm.framework.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files only their owner may read (mode 0600), replaced atomically: a reader, or a process
 * killed half-way, sees the old file or the new one, whole, never a mix. Unit state uses it;
 * so should a charm writing a password or key.
 */
public final class PrivateFiles {

	private PrivateFiles() {
	}

	/**
	 * Writes a file: parent directories created, content written to a temporary file that
	 * is mode 0600 from the start ({@code .<name>…tmp} beside the target), synced, renamed
	 * over the target, and the directory synced.
	 * @param file the file to write
	 * @param content its new content
	 * @throws IOException when it cannot be written; the old file is then untouched
	 */
	public static void write(Path file, byte[] content) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, temporaryPrefix(file), ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				ByteBuffer buffer = ByteBuffer.wrap(content);
				while (buffer.hasRemaining()) {
					out.write(buffer);
				}
				out.force(true);
			}
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException | RuntimeException ex) {
			try {
				Files.deleteIfExists(temp);
			}
			catch (IOException notDeleted) {
				ex.addSuppressed(notDeleted);
			}
			throw ex;
		}
		syncDirectory(dir);
	}

	/**
	 * Deletes the temporary files that writes of a file left behind when they were killed
	 * before their rename. Call it only while no other process can be writing the file.
	 * @param file the file whose leftovers to delete
	 * @throws IOException when its directory cannot be listed or a leftover deleted
	 */
	public static void removeLeftovers(Path file) throws IOException {
		String prefix = temporaryPrefix(file);
		// A name filter, not a glob: a glob compiles a regular expression in every hook.
		DirectoryStream.Filter<Path> leftover = (entry) -> {
			String name = entry.getFileName().toString();
			return name.startsWith(prefix) && name.endsWith(".tmp");
		};
		try (DirectoryStream<Path> leftovers = Files.newDirectoryStream(file.toAbsolutePath().getParent(), leftover)) {
			for (Path path : leftovers) {
				Files.deleteIfExists(path);
			}
		}
		catch (NoSuchFileException ex) {
			// No directory, no leftovers.
		}
	}

	/**
	 * Writes text as UTF-8, as {@link #write(Path, byte[])} does.
	 * @param file the file to write
	 * @param content its new content
	 * @throws IOException when it cannot be written; the old file is then untouched
	 */
	public static void write(Path file, String content) throws IOException {
		write(file, content.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Whether a file exists and holds exactly this text, so that a charm rewrites it only
	 * when it is missing or differs.
	 * @param file the file
	 * @param content the expected content
	 * @return whether it holds it
	 * @throws IOException when it exists but cannot be read
	 */
	public static boolean holds(Path file, String content) throws IOException {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).equals(content);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
	}

	/** Temporary files are hidden, named {@code .<name>…tmp}, beside the file. */
	private static String temporaryPrefix(Path file) {
		String name = file.getFileName().toString();
		return name.startsWith(".") ? name : "." + name;
	}

	private static void syncDirectory(Path dir) {
		try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
			channel.force(true);
		}
		catch (IOException ex) {
			// Some file systems cannot sync a directory; the rename itself is still atomic.
		}
	}
}
