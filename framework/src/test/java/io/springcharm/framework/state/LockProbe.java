package io.springcharm.framework.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Run in a child JVM by {@link UnitStateTests}: prints {@code held} when another process
 * holds the unit state lock, {@code free} otherwise.
 */
final class LockProbe {

	private LockProbe() {
	}

	public static void main(String[] args) throws IOException {
		try (FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.WRITE)) {
			FileLock lock = channel.tryLock();
			System.out.print((lock == null) ? "held" : "free");
		}
	}
}
