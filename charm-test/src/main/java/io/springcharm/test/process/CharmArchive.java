package io.springcharm.test.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Enumeration;
import java.util.Set;

import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * A charm to deploy: a packaged {@code .charm} (a zip whose entries carry unix modes) or a
 * charm directory. Unpacking keeps modes and symbolic links, and refuses entries that would
 * land outside the target.
 */
public final class CharmArchive {

	private static final PosixFilePermission[] BITS = { PosixFilePermission.OTHERS_EXECUTE,
			PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.GROUP_EXECUTE,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ, PosixFilePermission.OWNER_EXECUTE,
			PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ };

	private CharmArchive() {
	}

	/**
	 * A charm directory ready to deploy: the directory itself, or the {@code .charm}
	 * unpacked into {@code workDirectory}.
	 * @param charm a {@code .charm} file or a charm directory
	 * @param workDirectory where to unpack a file; must be empty or absent
	 * @return the validated charm directory
	 * @throws IllegalArgumentException if it is not a usable charm
	 */
	public static Path prepare(Path charm, Path workDirectory) {
		if (Files.isDirectory(charm)) {
			return validate(charm);
		}
		if (!Files.isRegularFile(charm)) {
			throw new IllegalArgumentException("no such charm: " + charm);
		}
		return validate(unpack(charm, workDirectory));
	}

	/**
	 * Checks that a directory holds a charm Juju can run: {@code metadata.yaml} and an
	 * executable {@code dispatch}.
	 * @param directory the charm directory
	 * @return the directory
	 * @throws IllegalArgumentException with what is wrong
	 */
	public static Path validate(Path directory) {
		if (!Files.isRegularFile(directory.resolve("metadata.yaml"))) {
			throw new IllegalArgumentException("not a charm: " + directory + " has no metadata.yaml");
		}
		Path dispatch = directory.resolve("dispatch");
		if (!Files.isRegularFile(dispatch)) {
			throw new IllegalArgumentException("not a runnable charm: " + directory + " has no dispatch");
		}
		if (!Files.isExecutable(dispatch)) {
			throw new IllegalArgumentException("not a runnable charm: " + dispatch
					+ " is not executable (was the .charm zipped without unix modes?)");
		}
		return directory;
	}

	/**
	 * Unpacks a {@code .charm} keeping unix modes and symbolic links.
	 * @param charmFile the zip
	 * @param target the directory to create
	 * @return {@code target}
	 */
	public static Path unpack(Path charmFile, Path target) {
		try (ZipFile zip = ZipFile.builder().setPath(charmFile).get()) {
			Files.createDirectories(target);
			Path root = target.toRealPath();
			Enumeration<ZipArchiveEntry> entries = zip.getEntries();
			for (ZipArchiveEntry entry : Collections.list(entries)) {
				Path destination = root.resolve(entry.getName()).normalize();
				if (!destination.startsWith(root) || destination.equals(root) && !entry.isDirectory()) {
					throw new IllegalArgumentException("bad entry in " + charmFile + ": " + entry.getName());
				}
				int mode = entry.getUnixMode() & 0777;
				if (entry.isDirectory()) {
					Files.createDirectories(destination);
					continue;
				}
				Files.createDirectories(destination.getParent());
				if (entry.isUnixSymlink()) {
					String linkTarget;
					try (InputStream in = zip.getInputStream(entry)) {
						linkTarget = new String(in.readAllBytes(), StandardCharsets.UTF_8);
					}
					Path resolved = destination.getParent().resolve(linkTarget).normalize();
					if (Path.of(linkTarget).isAbsolute() || !resolved.startsWith(root)) {
						throw new IllegalArgumentException(
								"bad link in " + charmFile + ": " + entry.getName() + " -> " + linkTarget);
					}
					Files.createSymbolicLink(destination, Path.of(linkTarget));
					continue;
				}
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, destination);
				}
				if (mode != 0) {
					Files.setPosixFilePermissions(destination, permissions(mode));
				}
			}
			// Directory modes last, so a read-only directory does not stop its own entries.
			for (ZipArchiveEntry entry : Collections.list(zip.getEntries())) {
				int mode = entry.getUnixMode() & 0777;
				if (entry.isDirectory() && mode != 0) {
					Files.setPosixFilePermissions(root.resolve(entry.getName()).normalize(), permissions(mode | 0700));
				}
			}
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot unpack " + charmFile, ex);
		}
	}

	static Set<PosixFilePermission> permissions(int mode) {
		Set<PosixFilePermission> permissions = EnumSet.noneOf(PosixFilePermission.class);
		for (int bit = 0; bit < BITS.length; bit++) {
			if ((mode & (1 << bit)) != 0) {
				permissions.add(BITS[bit]);
			}
		}
		return permissions;
	}
}
