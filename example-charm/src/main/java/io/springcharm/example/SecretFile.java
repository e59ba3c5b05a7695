package io.springcharm.example;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A file that holds a secret: mode 0600 from the moment it exists, replaced atomically so a
 * reader never sees half a password.
 */
final class SecretFile {

	private SecretFile() {
	}

	/** Whether the file exists and holds exactly this content. */
	static boolean holds(Path file, String content) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8).equals(content);
		}
		catch (NoSuchFileException ex) {
			return false;
		}
		catch (IOException ex) {
			throw new IllegalStateException("Cannot read " + file + ": " + ex.getMessage(), ex);
		}
	}

	/** Writes the content: parent directories created, temporary file 0600, synced, renamed. */
	static void write(Path file, String content) throws IOException {
		Path dir = file.toAbsolutePath().getParent();
		Files.createDirectories(dir);
		Path temp = Files.createTempFile(dir, "." + file.getFileName(), ".tmp",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
		try {
			try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
				out.write(ByteBuffer.wrap(content.getBytes(StandardCharsets.UTF_8)));
				out.force(true);
			}
			Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}
}
