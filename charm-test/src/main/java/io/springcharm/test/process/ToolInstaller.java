package io.springcharm.test.process;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import io.springcharm.test.model.CharmDirectories;
import org.jspecify.annotations.Nullable;

/**
 * Installs the hook-tool client and the hook runner. C sources are compiled with the system
 * compiler ({@code cc}, else {@code gcc}) into a cache directory keyed by a hash of source
 * and compiler, so a second run does not compile again; without a compiler the Python
 * client is installed instead.
 */
public final class ToolInstaller {

	private static final String RESOURCES = "/io/springcharm/test/process/";

	private final Path cacheDirectory;

	private final @Nullable Path compiler;

	/**
	 * @param cacheDirectory where compiled binaries are kept between runs
	 */
	public ToolInstaller(Path cacheDirectory) {
		this(cacheDirectory, findCompiler());
	}

	ToolInstaller(Path cacheDirectory, @Nullable Path compiler) {
		this.cacheDirectory = cacheDirectory;
		this.compiler = compiler;
	}

	/**
	 * The default cache: {@code $XDG_CACHE_HOME/spring-charm} or
	 * {@code ~/.cache/spring-charm}.
	 * @return the directory, which may not exist yet
	 */
	public static Path defaultCacheDirectory() {
		String xdg = System.getenv("XDG_CACHE_HOME");
		Path base = (xdg != null && !xdg.isBlank()) ? Path.of(xdg)
				: Path.of(System.getProperty("user.home"), ".cache");
		return base.resolve("spring-charm");
	}

	/** The C compiler that will be used, if any. */
	public Optional<Path> compiler() {
		return Optional.ofNullable(this.compiler);
	}

	/**
	 * Installs the client and one link per tool into a directory.
	 * @param toolsDirectory the directory, created if needed
	 * @param preferred the client wanted, or {@code null} for the native one when a
	 * compiler exists and the Python one otherwise
	 * @return what was installed
	 */
	public InstalledTools install(Path toolsDirectory, @Nullable ClientKind preferred) {
		try {
			Files.createDirectories(toolsDirectory);
			Path client = toolsDirectory.resolve("jujuc");
			Path hookRunner = null;
			if (this.compiler != null) {
				try {
					hookRunner = toolsDirectory.resolve("hookrun");
					copyExecutable(compiled("hookrun"), hookRunner);
				}
				catch (IOException ex) {
					// Hooks still run without it, only unmeasured beyond wall time.
					hookRunner = null;
				}
			}
			ClientKind kind = preferred;
			if (kind == ClientKind.NATIVE || kind == null && this.compiler != null) {
				try {
					if (this.compiler == null) {
						throw new IOException("no C compiler (cc or gcc) on PATH for the native hook-tool client");
					}
					copyExecutable(compiled("jujuc"), client);
					kind = ClientKind.NATIVE;
				}
				catch (IOException ex) {
					if (kind == ClientKind.NATIVE) {
						throw ex;
					}
				}
			}
			if (kind != ClientKind.NATIVE) {
				writePythonClient(client);
				kind = ClientKind.PYTHON;
			}
			for (String tool : HookToolNames.ALL) {
				Path link = toolsDirectory.resolve(tool);
				Files.deleteIfExists(link);
				Files.createSymbolicLink(link, Path.of("jujuc"));
			}
			return new InstalledTools(toolsDirectory, kind, hookRunner);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot install hook tools into " + toolsDirectory, ex);
		}
	}

	private Path compiled(String program) throws IOException {
		Path compiler = this.compiler;
		if (compiler == null) {
			throw new IllegalStateException("no C compiler");
		}
		byte[] source = resource(program + ".c");
		Path binary = this.cacheDirectory.resolve(program + "-" + hash(source, compiler));
		if (Files.isExecutable(binary)) {
			return binary;
		}
		Files.createDirectories(this.cacheDirectory);
		Path work = Files.createTempDirectory(this.cacheDirectory, program + "-build-");
		try {
			Path sourceFile = work.resolve(program + ".c");
			Files.write(sourceFile, source);
			Path output = work.resolve(program);
			Process process = new ProcessBuilder(List.of(compiler.toString(), "-O2", "-o", output.toString(),
					sourceFile.toString())).directory(work.toFile()).redirectErrorStream(true).start();
			process.getOutputStream().close();
			String log = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(120, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IOException(compiler + " did not finish compiling " + program + ".c");
			}
			if (process.exitValue() != 0 || !Files.isExecutable(output)) {
				throw new IOException(compiler + " failed on " + program + ".c:\n" + log);
			}
			try {
				Files.move(output, binary, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (AtomicMoveNotSupportedException ex) {
				Files.move(output, binary, StandardCopyOption.REPLACE_EXISTING);
			}
			return binary;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while compiling " + program + ".c", ex);
		}
		finally {
			CharmDirectories.deleteQuietly(work);
		}
	}

	private void writePythonClient(Path client) throws IOException {
		String interpreter = findPython();
		byte[] script = resource("jujuc.py");
		Files.deleteIfExists(client);
		Files.write(client, ("#!" + interpreter + " -IS\n").getBytes(StandardCharsets.UTF_8));
		Files.write(client, script, java.nio.file.StandardOpenOption.APPEND);
		Files.setPosixFilePermissions(client, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static void copyExecutable(Path from, Path to) throws IOException {
		Files.deleteIfExists(to);
		Files.copy(from, to);
		Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ToolInstaller.class.getResourceAsStream(RESOURCES + name)) {
			if (in == null) {
				throw new IOException("missing resource " + RESOURCES + name);
			}
			return in.readAllBytes();
		}
	}

	private static String hash(byte[] source, Path compiler) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(source);
			digest.update(("\0" + compiler.toRealPath() + "\0" + System.getProperty("os.arch"))
				.getBytes(StandardCharsets.UTF_8));
			return HexFormat.of().formatHex(digest.digest(), 0, 8);
		}
		catch (NoSuchAlgorithmException | IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static @Nullable Path findCompiler() {
		for (String name : List.of("cc", "gcc")) {
			Path found = onPath(name);
			if (found != null) {
				return found;
			}
		}
		return null;
	}

	private static String findPython() throws IOException {
		Path python = onPath("python3");
		if (python == null) {
			throw new IOException("neither a C compiler nor python3 found on PATH for the hook-tool client");
		}
		// pyenv and similar shims need their own environment, which hooks do not get: ask
		// the interpreter where it really lives.
		try {
			Process process = new ProcessBuilder(List.of(python.toString(), "-c", "import sys; print(sys.executable)"))
				.redirectErrorStream(true).start();
			process.getOutputStream().close();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
			if (process.waitFor() == 0 && out.startsWith("/")) {
				return out;
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		return python.toString();
	}

	private static @Nullable Path onPath(String name) {
		String path = System.getenv("PATH");
		if (path == null) {
			return null;
		}
		for (String dir : path.split(":")) {
			if (dir.isEmpty()) {
				continue;
			}
			Path candidate = Path.of(dir, name);
			if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
				return candidate;
			}
		}
		return null;
	}
}
