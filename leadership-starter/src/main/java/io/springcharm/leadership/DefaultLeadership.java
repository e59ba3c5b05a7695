package io.springcharm.leadership;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.event.DerivedEvents;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.event.HookStartingEvent;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.state.Flags;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.HookTools;
import io.springcharm.framework.tool.NotLeaderException;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.core.Ordered;

/**
 * The {@link Leadership} the starter registers, with the start-of-hook step and the derived
 * events.
 * <p>
 * <b>At hook start</b> ({@link HookStartingEvent}, before any hook handler; skipped in
 * restricted hooks) it asks {@code is-leader} and reads every setting once, compares the
 * settings with the snapshot the last successful hook left in {@link UnitState} (under
 * {@value #SNAPSHOT_PREFIX}{@code <key>}, deleted keys kept as null), sets or clears the
 * {@link LeadershipFlags}, and stores the new snapshot. Unit state is committed only when
 * the hook succeeds, so after a failed hook the next one reports the same changes again.
 * <p>
 * <b>After the hook's event</b> it publishes {@link LeadershipGainedEvent} or
 * {@link LeadershipLostEvent} when leadership differs from the last successful hook, then a
 * {@link LeadershipChangedEvent} for the keys that changed since then (keys the leader
 * already changed itself in this hook are left out: it was told when it wrote them).
 * <p>
 * <b>A write</b> by the leader raises the flags first ({@code changed} flags for values that
 * differ from the snapshot, {@code set.<key>} by whether a value remains), then calls the
 * back end with the values that differ from the current settings, then updates the
 * snapshot, so the leader does not see its own write again at its next hook, and finally
 * publishes a {@link LeadershipChangedEvent} before returning. Writing a value equal to the
 * current one calls no tool at all, so quiet hooks make no writes. A non-leader's write is
 * refused before any tool runs, with no flag or snapshot change.
 */
public final class DefaultLeadership
		implements Leadership, ApplicationListener<PayloadApplicationEvent<HookStartingEvent>>, DerivedEvents, Ordered {

	/** The unit-state prefix of the settings snapshot. */
	public static final String SNAPSHOT_PREFIX = "leadership.settings.";

	/** The unit-state key of the leadership seen by the last successful hook. */
	public static final String LEADER_KEY = "leadership.leader";

	/** Early among start-of-hook listeners, so that other starters can read the flags. */
	public static final int ORDER = Ordered.HIGHEST_PRECEDENCE + 100;

	private final Hook hook;

	private final HookTools tools;

	private final UnitState state;

	private final Flags flags;

	private final LeadershipBackend backend;

	private final ApplicationEventPublisher publisher;

	private boolean evaluated;

	private final SortedMap<String, String> settings = new TreeMap<>();

	private Map<String, String> previousAtStart = Map.of();

	private final Set<String> changedAtStart = new TreeSet<>();

	private final Set<String> changedByWrites = new TreeSet<>();

	private @Nullable Object transition;

	/**
	 * @param hook the hook being run
	 * @param tools the hook tools, for {@code is-leader}
	 * @param state where the snapshot and the last seen leadership are kept
	 * @param flags where the flags are kept
	 * @param backend where the settings live
	 * @param publisher publishes {@link LeadershipChangedEvent} from {@link #set}
	 */
	public DefaultLeadership(Hook hook, HookTools tools, UnitState state, Flags flags, LeadershipBackend backend,
			ApplicationEventPublisher publisher) {
		this.hook = hook;
		this.tools = tools;
		this.state = state;
		this.flags = flags;
		this.backend = backend;
		this.publisher = publisher;
	}

	/** The back end in use. */
	public LeadershipBackend backend() {
		return this.backend;
	}

	@Override
	public void onApplicationEvent(PayloadApplicationEvent<HookStartingEvent> event) {
		evaluate();
	}

	@Override
	public List<Object> after(HookEvent event) {
		if (!this.evaluated) {
			return List.of();
		}
		List<Object> events = new ArrayList<>(2);
		if (this.transition != null) {
			events.add(this.transition);
		}
		Set<String> keys = new TreeSet<>(this.changedAtStart);
		keys.removeAll(this.changedByWrites);
		if (!keys.isEmpty()) {
			events.add(new LeadershipChangedEvent(keys, this.previousAtStart, this.settings, this.tools.isLeader()));
		}
		return events;
	}

	@Override
	public int getOrder() {
		return ORDER;
	}

	@Override
	public boolean isLeader() {
		if (this.hook.isRestricted()) {
			return this.flags.isSet(LeadershipFlags.IS_LEADER);
		}
		evaluate();
		return this.tools.isLeader();
	}

	@Override
	public boolean isAvailable() {
		return !this.hook.isRestricted() && this.backend.isAvailable();
	}

	@Override
	public @Nullable String get(String key) {
		if (this.hook.isRestricted()) {
			return this.state.get(SNAPSHOT_PREFIX + key);
		}
		evaluate();
		return this.settings.get(key);
	}

	@Override
	public Map<String, String> getAll() {
		if (this.hook.isRestricted()) {
			// No tool is called in a restricted hook: answer from the last successful hook.
			return Collections.unmodifiableSortedMap(nonNull(this.state.entries(SNAPSHOT_PREFIX)));
		}
		evaluate();
		return Collections.unmodifiableSortedMap(new TreeMap<>(this.settings));
	}

	@Override
	public boolean has(String key) {
		return get(key) != null;
	}

	@Override
	public boolean isChanged(String key) {
		evaluate();
		return this.flags.isSet(LeadershipFlags.changed(key));
	}

	@Override
	public boolean isChanged() {
		evaluate();
		return this.flags.isSet(LeadershipFlags.CHANGED);
	}

	@Override
	public void set(String key, @Nullable String value) {
		Map<String, @Nullable String> values = new TreeMap<>();
		values.put(key, value);
		set(values);
	}

	@Override
	public void unset(String key) {
		set(key, null);
	}

	@Override
	public void set(Map<String, ? extends @Nullable Object> values) {
		Objects.requireNonNull(values, "'values' must not be null");
		Map<String, @Nullable String> wanted = normalize(this.backend.writeTool(), values);
		if (this.hook.isRestricted()) {
			throw new IllegalStateException("Leadership settings cannot be written in the restricted hook '"
					+ this.hook.name() + "'");
		}
		evaluate();
		if (!this.tools.isLeader()) {
			throw new NotLeaderException(this.backend.writeTool(), "this unit is not the leader, so it cannot write "
					+ "the leadership settings " + wanted.keySet() + "; only the leader may write them: guard the "
					+ "handler with condition = \"@leadership.leader\" (or check Leadership.isLeader() first)");
		}
		wanted.forEach((key, value) -> {
			if (value != null) {
				this.backend.check(key, value);
			}
		});
		// Since evaluate(), the unit-state snapshot and this.settings change together, so one
		// comparison decides both the flags and what to write.
		Map<String, String> toWrite = new TreeMap<>();
		wanted.forEach((key, value) -> {
			if (!Objects.equals(value, this.settings.get(key))) {
				toWrite.put(key, (value != null) ? value : "");
				this.flags.set(LeadershipFlags.changed(key));
				this.flags.set(LeadershipFlags.CHANGED);
			}
			this.flags.toggle(LeadershipFlags.set(key), value != null);
		});
		// The settings as they were, for the event; copied only when something changes.
		Map<String, String> before = toWrite.isEmpty() ? Map.of() : new TreeMap<>(this.settings);
		if (!toWrite.isEmpty()) {
			this.backend.write(toWrite);
		}
		wanted.forEach((key, value) -> {
			this.state.put(SNAPSHOT_PREFIX + key, value);
			if (value != null) {
				this.settings.put(key, value);
			}
			else {
				this.settings.remove(key);
			}
		});
		if (!toWrite.isEmpty()) {
			this.changedByWrites.addAll(toWrite.keySet());
			this.publisher.publishEvent(new LeadershipChangedEvent(toWrite.keySet(), before, this.settings, true));
		}
	}

	/** The start-of-hook step, once per hook; never in restricted hooks. */
	private void evaluate() {
		if (this.evaluated || this.hook.isRestricted()) {
			return;
		}
		boolean isLeader = this.tools.isLeader();
		Map<String, String> current = new TreeMap<>();
		this.backend.read().forEach((key, value) -> {
			// Juju treats an empty value as absent; so does the snapshot.
			if (!value.isEmpty()) {
				current.put(key, value);
			}
		});
		this.evaluated = true;
		this.flags.toggle(LeadershipFlags.IS_LEADER, isLeader);
		Map<String, @Nullable String> previous = this.state.entries(SNAPSHOT_PREFIX);
		Set<String> keys = new TreeSet<>(previous.keySet());
		keys.addAll(current.keySet());
		for (String key : keys) {
			String value = current.get(key);
			boolean differs = !Objects.equals(value, previous.get(key));
			this.flags.toggle(LeadershipFlags.changed(key), differs);
			this.flags.toggle(LeadershipFlags.set(key), value != null);
			if (differs) {
				this.changedAtStart.add(key);
			}
			this.state.put(SNAPSHOT_PREFIX + key, value);
		}
		this.flags.toggle(LeadershipFlags.CHANGED, !this.changedAtStart.isEmpty());
		this.previousAtStart = nonNull(previous);
		this.settings.putAll(current);
		boolean wasLeader = Boolean.parseBoolean(this.state.get(LEADER_KEY));
		if (isLeader != wasLeader) {
			this.transition = isLeader ? new LeadershipGainedEvent(this.hook) : new LeadershipLostEvent(this.hook);
		}
		this.state.put(LEADER_KEY, Boolean.toString(isLeader));
	}

	private static Map<String, @Nullable String> normalize(String tool, Map<String, ? extends @Nullable Object> values) {
		Map<String, @Nullable String> wanted = new TreeMap<>();
		values.forEach((key, value) -> {
			if (key == null) {
				throw new IllegalArgumentException("Leadership setting keys must not be null");
			}
			// Before any flag changes: the same rule the tool applies when it writes.
			HookTools.checkKey(tool, key);
			if (value != null && !(value instanceof String)) {
				throw new IllegalArgumentException("Leadership setting '" + key + "' must be a String (or null to "
						+ "delete it), not a " + value.getClass().getName() + "; convert it explicitly");
			}
			String text = (String) value;
			// Juju deletes a key written with an empty value: say so up front.
			wanted.put(key, (text == null || text.isEmpty()) ? null : text);
		});
		return wanted;
	}

	private static SortedMap<String, String> nonNull(Map<String, @Nullable String> map) {
		SortedMap<String, String> values = new TreeMap<>();
		map.forEach((key, value) -> {
			if (value != null) {
				values.put(key, value);
			}
		});
		return values;
	}
}
