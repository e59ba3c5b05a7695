package io.springcharm.framework;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.event.ActionEvent;
import io.springcharm.framework.event.CollectMetricsEvent;
import io.springcharm.framework.event.ConfigChangedEvent;
import io.springcharm.framework.event.DerivedEvents;
import io.springcharm.framework.event.HookCompletedEvent;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.event.HookStartingEvent;
import io.springcharm.framework.event.InstallEvent;
import io.springcharm.framework.event.LeaderDeposedEvent;
import io.springcharm.framework.event.LeaderElectedEvent;
import io.springcharm.framework.event.LeaderSettingsChangedEvent;
import io.springcharm.framework.event.MeterStatusChangedEvent;
import io.springcharm.framework.event.PebbleCheckFailedEvent;
import io.springcharm.framework.event.PebbleCheckRecoveredEvent;
import io.springcharm.framework.event.PebbleCustomNoticeEvent;
import io.springcharm.framework.event.PebbleReadyEvent;
import io.springcharm.framework.event.PostSeriesUpgradeEvent;
import io.springcharm.framework.event.PreSeriesUpgradeEvent;
import io.springcharm.framework.event.RelationBrokenEvent;
import io.springcharm.framework.event.RelationChangedEvent;
import io.springcharm.framework.event.RelationCreatedEvent;
import io.springcharm.framework.event.RelationDepartedEvent;
import io.springcharm.framework.event.RelationJoinedEvent;
import io.springcharm.framework.event.RemoveEvent;
import io.springcharm.framework.event.SecretChangedEvent;
import io.springcharm.framework.event.SecretExpiredEvent;
import io.springcharm.framework.event.SecretRemoveEvent;
import io.springcharm.framework.event.SecretRotateEvent;
import io.springcharm.framework.event.StartEvent;
import io.springcharm.framework.event.StopEvent;
import io.springcharm.framework.event.StorageAttachedEvent;
import io.springcharm.framework.event.StorageDetachingEvent;
import io.springcharm.framework.event.UnknownHookEvent;
import io.springcharm.framework.event.UpdateStatusEvent;
import io.springcharm.framework.event.UpgradeCharmEvent;
import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.state.UnitState;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import io.springcharm.framework.json.Json;

/**
 * Runs one hook inside a ready context: {@link HookStartingEvent}, the hook's
 * {@link HookEvent}, derived events, {@link HookCompletedEvent}, then commits unit state.
 * Any exception from a listener propagates, so nothing is committed.
 */
public final class HookDispatcher {

	private static final String CONFIG_PREFIX = "framework.config.";

	private final Hook hook;

	private final HookEnvironment environment;

	private final UnitState state;

	private final ApplicationEventPublisher publisher;

	private final List<DerivedEvents> derivedEvents;

	/**
	 * @param hook the hook to run
	 * @param environment the hook environment
	 * @param state the unit state to commit on success
	 * @param publisher publishes to the charm's listeners
	 * @param derivedEvents contributors of events that follow the hook's event, in order
	 */
	public HookDispatcher(Hook hook, HookEnvironment environment, UnitState state, ApplicationEventPublisher publisher,
			List<DerivedEvents> derivedEvents) {
		this.hook = hook;
		this.environment = environment;
		this.state = state;
		this.publisher = publisher;
		this.derivedEvents = derivedEvents;
	}

	/**
	 * Publishes the hook's events and commits unit state.
	 * @return the hook's event
	 */
	public HookEvent dispatch() {
		this.publisher.publishEvent(new HookStartingEvent(this.hook));
		HookEvent event = eventFor(this.hook);
		this.publisher.publishEvent(event);
		for (DerivedEvents source : this.derivedEvents) {
			source.after(event).forEach(this.publisher::publishEvent);
		}
		this.publisher.publishEvent(new HookCompletedEvent(this.hook));
		this.state.commit();
		return event;
	}

	private HookEvent eventFor(Hook hook) {
		return switch (hook.kind()) {
			case ACTION -> new ActionEvent(hook, this.environment.tools().actionGet());
			case RELATION -> switch (hook.event()) {
				case "created" -> new RelationCreatedEvent(hook);
				case "joined" -> new RelationJoinedEvent(hook);
				case "changed" -> new RelationChangedEvent(hook);
				case "departed" -> new RelationDepartedEvent(hook);
				case "broken" -> new RelationBrokenEvent(hook);
				default -> new UnknownHookEvent(hook);
			};
			case STORAGE -> switch (hook.event()) {
				case "attached" -> new StorageAttachedEvent(hook);
				case "detaching" -> new StorageDetachingEvent(hook);
				default -> new UnknownHookEvent(hook);
			};
			case SECRET -> switch (hook.name()) {
				case "secret-changed" -> new SecretChangedEvent(hook);
				case "secret-rotate" -> new SecretRotateEvent(hook);
				case "secret-remove" -> new SecretRemoveEvent(hook);
				case "secret-expired" -> new SecretExpiredEvent(hook);
				default -> new UnknownHookEvent(hook);
			};
			case WORKLOAD -> switch (hook.event()) {
				case "ready" -> new PebbleReadyEvent(hook);
				case "custom-notice" -> new PebbleCustomNoticeEvent(hook);
				case "check-failed" -> new PebbleCheckFailedEvent(hook);
				case "check-recovered" -> new PebbleCheckRecoveredEvent(hook);
				default -> new UnknownHookEvent(hook);
			};
			case LIFECYCLE -> lifecycleEvent(hook);
			// A hook this version does not know (a newer Juju's) still reaches HookEvent
			// listeners rather than failing, so an older charm keeps working.
			case UNKNOWN -> new UnknownHookEvent(hook);
		};
	}

	private HookEvent lifecycleEvent(Hook hook) {
		return switch (hook.name()) {
			case "install" -> new InstallEvent(hook);
			case "start" -> new StartEvent(hook);
			case "stop" -> new StopEvent(hook);
			case "remove" -> new RemoveEvent(hook);
			case "config-changed" -> new ConfigChangedEvent(hook, changedConfig());
			case "upgrade-charm" -> new UpgradeCharmEvent(hook);
			case "update-status" -> new UpdateStatusEvent(hook);
			case "leader-elected" -> new LeaderElectedEvent(hook);
			case "leader-deposed" -> new LeaderDeposedEvent(hook);
			case "leader-settings-changed" -> new LeaderSettingsChangedEvent(hook);
			case "collect-metrics" -> new CollectMetricsEvent(hook);
			case "meter-status-changed" -> new MeterStatusChangedEvent(hook);
			case "pre-series-upgrade" -> new PreSeriesUpgradeEvent(hook);
			case "post-series-upgrade" -> new PostSeriesUpgradeEvent(hook);
			// Only if Hook's lists and these cases drift apart: still a HookEvent, never a wrong one.
			default -> new UnknownHookEvent(hook);
		};
	}

	/** Options whose value differs from the snapshot of the last successful config-changed. */
	private Set<String> changedConfig() {
		Map<String, Object> config = this.environment.config();
		// A copy: the snapshot is replaced below while this is read.
		Map<String, @Nullable String> previous = this.state.entries(CONFIG_PREFIX);
		this.state.removeAll(CONFIG_PREFIX);
		Set<String> changed = new TreeSet<>();
		config.forEach((option, value) -> {
			String json = Json.write(value);
			this.state.put(CONFIG_PREFIX + option, json);
			if (!Objects.equals(previous.get(option), json)) {
				changed.add(option);
			}
		});
		previous.keySet().stream().filter((option) -> !config.containsKey(option)).forEach(changed::add);
		return Set.copyOf(changed);
	}
}
