package io.springcharm.framework.state;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.files.PrivateFiles;
import io.springcharm.framework.json.Json;
import io.springcharm.framework.json.JsonException;
import org.jspecify.annotations.Nullable;

/**
 * The unit's own state: string values and named flags that survive between hooks. It is
 * read when the hook starts, changed in memory by handlers, and written back by
 * {@link #commit()} only when the hook succeeded, so a failed hook leaves the previous
 * state untouched and Juju's retry sees the same state again.
 * <p>
 * The file is {@value #FILE_NAME} in the charm directory, mode 0600, replaced atomically
 * (written to a temporary file, synced, renamed). While a hook holds it, a second process
 * of the same unit (for example {@code juju exec}) waits for the lock.
 */
public final class UnitState implements AutoCloseable {

	/** The state file's name in the charm directory. */
	public static final String FILE_NAME = ".spring-charm-state.json";

	/** The format this version writes; older files are migrated when read. */
	static final int FORMAT = 1;

	private final Path file;

	private final @Nullable FileChannel lockChannel;

	private final @Nullable FileLock lock;

	private final SortedMap<String, @Nullable String> values;

	private final Set<String> flags;

	private final Map<String, @Nullable String> loadedValues;

	private final Set<String> loadedFlags;

	private UnitState(Path file, @Nullable FileChannel lockChannel, @Nullable FileLock lock,
			SortedMap<String, @Nullable String> values, Set<String> flags) {
		this.file = file;
		this.lockChannel = lockChannel;
		this.lock = lock;
		this.values = values;
		this.flags = flags;
		this.loadedValues = new TreeMap<>(values);
		this.loadedFlags = new TreeSet<>(flags);
	}

	/**
	 * Locks and reads the unit state of a charm directory; a missing file is an empty state.
	 * @param charmDir the charm directory
	 * @return the state, holding the lock until {@link #close()}
	 * @throws UnitStateException when the file exists but cannot be read or understood
	 */
	public static UnitState load(Path charmDir) {
		Path file = charmDir.resolve(FILE_NAME);
		FileChannel channel = null;
		try {
			channel = FileChannel.open(charmDir.resolve(FILE_NAME + ".lock"), StandardOpenOption.CREATE,
					StandardOpenOption.WRITE);
			FileLock lock = channel.lock();
			// Holding the lock, nobody else is writing: temporary files are strays of a killed write.
			PrivateFiles.removeLeftovers(file);
			SortedMap<String, @Nullable String> values = new TreeMap<>();
			Set<String> flags = new TreeSet<>();
			read(file, values, flags);
			return new UnitState(file, channel, lock, values, flags);
		}
		catch (IOException ex) {
			closeQuietly(channel);
			throw new UnitStateException("Cannot read unit state " + file + ": " + ex.getMessage(), ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(channel);
			throw ex;
		}
	}

	/**
	 * An empty state that is never written, for contexts without a charm directory.
	 * @return the state
	 */
	public static UnitState inMemory() {
		return new UnitState(Path.of(FILE_NAME), null, null, new TreeMap<>(), new TreeSet<>());
	}

	/**
	 * One value.
	 * @param key the key
	 * @return the value, or {@code null} when absent or stored as null
	 */
	public @Nullable String get(String key) {
		return this.values.get(key);
	}

	/**
	 * Whether a key is present, even with a null value.
	 * @param key the key
	 * @return whether it is present
	 */
	public boolean contains(String key) {
		return this.values.containsKey(key);
	}

	/**
	 * Stores a value (a {@code null} value is kept as an explicit null).
	 * @param key the key
	 * @param value the value
	 */
	public void put(String key, @Nullable String value) {
		this.values.put(key, value);
	}

	/**
	 * Removes a key.
	 * @param key the key
	 */
	public void remove(String key) {
		this.values.remove(key);
	}

	/**
	 * Every entry whose key starts with a prefix, with the prefix stripped.
	 * @param prefix for example {@code leadership.settings.}
	 * @return a copy, sorted by key
	 */
	public Map<String, @Nullable String> entries(String prefix) {
		Map<String, @Nullable String> found = new LinkedHashMap<>();
		this.values.tailMap(prefix).forEach((key, value) -> {
			if (key.startsWith(prefix)) {
				found.put(key.substring(prefix.length()), value);
			}
		});
		return found;
	}

	/**
	 * Removes every entry whose key starts with a prefix.
	 * @param prefix the prefix
	 */
	public void removeAll(String prefix) {
		this.values.keySet().removeIf((key) -> key.startsWith(prefix));
	}

	Set<String> flags() {
		return this.flags;
	}

	/** The flags that are set, sorted. */
	public Set<String> flagNames() {
		return Collections.unmodifiableSet(this.flags);
	}

	/** Whether anything differs from what was read at hook start. */
	public boolean isModified() {
		return !this.values.equals(this.loadedValues) || !this.flags.equals(this.loadedFlags);
	}

	/**
	 * Writes the state if it changed, with {@link PrivateFiles#write}: a crash at any point
	 * leaves either the old or the new file, whole, mode 0600.
	 */
	public void commit() {
		if (this.lock == null || !isModified()) {
			return;
		}
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("format", FORMAT);
		root.put("values", this.values);
		root.put("flags", this.flags);
		try {
			PrivateFiles.write(this.file, Json.writePretty(root));
		}
		catch (IOException ex) {
			throw new UnitStateException("Cannot write unit state " + this.file + ": " + ex.getMessage(), ex);
		}
		this.loadedValues.clear();
		this.loadedValues.putAll(this.values);
		this.loadedFlags.clear();
		this.loadedFlags.addAll(this.flags);
	}

	/** Releases the lock; uncommitted changes are dropped. */
	@Override
	public void close() {
		closeQuietly(this.lockChannel);
	}

	private static void read(Path file, Map<String, @Nullable String> values, Set<String> flags) throws IOException {
		byte[] bytes;
		try {
			bytes = Files.readAllBytes(file);
		}
		catch (NoSuchFileException ex) {
			return;
		}
		if (bytes.length == 0) {
			throw new UnitStateException(corrupt(file, "it is empty"));
		}
		Object parsed;
		try {
			parsed = Json.parse(new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
		}
		catch (JsonException ex) {
			throw new UnitStateException(corrupt(file, "it is not valid JSON (" + ex.getMessage() + ")"), ex);
		}
		if (!(parsed instanceof Map<?, ?> root)) {
			throw new UnitStateException(corrupt(file, "it is not a JSON object"));
		}
		Object format = root.get("format");
		if (format == null && !root.containsKey("format") && !root.containsKey("values")) {
			// Format 0 (before versioning): the object itself was the value map, no flags.
			readValues(file, root, values);
			return;
		}
		if (!(format instanceof Integer || format instanceof Long)) {
			throw new UnitStateException(corrupt(file, "'format' is missing or not a number"));
		}
		if (((Number) format).longValue() != FORMAT) {
			throw new UnitStateException("Unit state " + file + " has format " + format
					+ ", which this version of Spring Charm (format " + FORMAT
					+ ") cannot read; upgrade the charm to a version that can, or move the file aside to start afresh");
		}
		Object valueNode = root.get("values");
		Object flagNode = root.containsKey("flags") ? root.get("flags") : List.of();
		if (!(valueNode instanceof Map<?, ?> valueMap) || !(flagNode instanceof List<?> flagList)) {
			throw new UnitStateException(corrupt(file, "'values' or 'flags' has the wrong shape"));
		}
		readValues(file, valueMap, values);
		for (Object flag : flagList) {
			if (!(flag instanceof String name)) {
				throw new UnitStateException(corrupt(file, "a flag is not a string"));
			}
			flags.add(name);
		}
	}

	private static void readValues(Path file, Map<?, ?> node, Map<String, @Nullable String> values) {
		node.forEach((key, value) -> {
			if (value == null) {
				values.put((String) key, null);
			}
			else if (value instanceof String || value instanceof Number || value instanceof Boolean) {
				values.put((String) key, value.toString());
			}
			else {
				throw new UnitStateException(corrupt(file, "the value of '" + key + "' is not a string"));
			}
		});
	}

	private static String corrupt(Path file, String why) {
		return "Unit state " + file + " is unreadable: " + why
				+ ". It was not replaced; restore it, or move it aside to start this unit from empty state";
	}

	private static void closeQuietly(@Nullable FileChannel channel) {
		if (channel != null) {
			try {
				channel.close();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
	}
}
