package io.springcharm.maven;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a {@code .charm}: a zip whose entries carry unix modes, because Juju refuses to
 * run a {@code dispatch} that is not executable and a bundled JVM needs its
 * {@code bin/java} and {@code lib/jspawnhelper} executable.
 */
public final class CharmArchive {

	private CharmArchive() {
	}

	/**
	 * Writes the files, in the order given, to a new zip (replacing any file at that path).
	 * @param zip the archive to write
	 * @param files its entries
	 * @throws IOException when a file cannot be read or the archive written
	 */
	public static void write(Path zip, List<CharmFile> files) throws IOException {
		Set<String> names = new HashSet<>();
		for (CharmFile file : files) {
			if (!names.add(file.name())) {
				throw new IllegalArgumentException("'" + file.name() + "' would be in the charm twice");
			}
		}
		Files.createDirectories(zip.toAbsolutePath().getParent());
		Path tmp = zip.resolveSibling(zip.getFileName() + ".tmp");
		try (ZipArchiveOutputStream out = new ZipArchiveOutputStream(tmp)) {
			for (CharmFile file : files) {
				ZipArchiveEntry entry = new ZipArchiveEntry(file.name());
				// setUnixMode also sets the "made by unix" platform that unzip and Go's zip reader check.
				entry.setUnixMode(UnixStat.FILE_FLAG | file.mode());
				entry.setLastModifiedTime(file.modified());
				out.putArchiveEntry(entry);
				try (InputStream in = file.open()) {
					in.transferTo(out);
				}
				out.closeArchiveEntry();
			}
		}
		Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING);
	}
}
