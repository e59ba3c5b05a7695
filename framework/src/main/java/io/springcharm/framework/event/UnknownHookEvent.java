package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * A hook whose name this framework does not know, for example one added by a newer Juju.
 * Listeners of {@link HookEvent} still receive it.
 *
 * @param hook the hook being run
 */
public record UnknownHookEvent(Hook hook) implements HookEvent {
}
