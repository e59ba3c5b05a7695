package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's {@code upgrade-charm} hook: the charm was refreshed; {@code config-changed}
 * follows.
 *
 * @param hook the hook being run
 */
public record UpgradeCharmEvent(Hook hook) implements HookEvent {
}
