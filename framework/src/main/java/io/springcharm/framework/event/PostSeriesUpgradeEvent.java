package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code post-series-upgrade} hook (machines, Juju 3.6 and earlier).
 *
 * @param hook the hook being run
 */
public record PostSeriesUpgradeEvent(Hook hook) implements HookEvent {
}
