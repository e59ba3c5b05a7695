package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Published once a hook's context is ready and before its {@link HookEvent}: starters use
 * it to prepare state (for example leadership flags) that every handler may rely on.
 *
 * @param hook the hook being run
 * @see HookCompletedEvent
 */
public record HookStartingEvent(Hook hook) {
}
