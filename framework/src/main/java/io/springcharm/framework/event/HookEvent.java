package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * What Juju ran this process for: one type per hook, published once per process after
 * {@link HookStartingEvent} and before {@link HookCompletedEvent}. A listener of
 * {@code HookEvent} itself runs in every hook.
 * <p>
 * Handlers are ordinary {@code @EventListener} methods: they run synchronously, in
 * {@code @Order} order; a handler that throws fails the hook, so nothing it or any other
 * handler changed in unit state is committed and Juju retries the hook. A value returned
 * by a handler is published as a further event in the same hook. In a condition,
 * {@code #event} is the event, and the beans {@code @flags}, {@code @hookEnvironment}
 * and (with the leadership starter) {@code @leadership} can be used, for example
 * {@code condition = "@flags.isSet('configured') and #event.hook().name() == 'start'"}.
 */
public sealed interface HookEvent permits InstallEvent, StartEvent, StopEvent, RemoveEvent, UpgradeCharmEvent, UpdateStatusEvent, LeaderElectedEvent, LeaderDeposedEvent, LeaderSettingsChangedEvent, CollectMetricsEvent, MeterStatusChangedEvent, PreSeriesUpgradeEvent, PostSeriesUpgradeEvent, ConfigChangedEvent, RelationEvent, StorageEvent, SecretEvent, WorkloadEvent, ActionEvent, UnknownHookEvent {

	/** The hook being run. */
	Hook hook();
}
