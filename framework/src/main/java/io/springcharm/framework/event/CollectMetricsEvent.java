package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's legacy {@code collect-metrics} hook, which runs in a restricted context where
 * most hook tools fail.
 *
 * @param hook the hook being run
 */
public record CollectMetricsEvent(Hook hook) implements HookEvent {
}
