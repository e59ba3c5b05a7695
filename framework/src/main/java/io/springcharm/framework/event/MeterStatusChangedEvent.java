package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Raised by Juju's legacy {@code meter-status-changed} hook (restricted context).
 *
 * @param hook the hook being run
 */
public record MeterStatusChangedEvent(Hook hook) implements HookEvent {
}
