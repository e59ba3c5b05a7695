package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code pre-series-upgrade} hook (machines, Juju 3.6 and earlier).
 *
 * @param hook the hook being run
 */
public record PreSeriesUpgradeEvent(Hook hook) implements HookEvent {
}
