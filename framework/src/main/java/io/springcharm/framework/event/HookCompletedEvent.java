package io.springcharm.framework.event;

import io.springcharm.framework.hook.Hook;

/**
 * Published after the hook's event and every derived event were handled without an
 * exception, just before unit state is committed. A listener that throws here still fails
 * the hook.
 *
 * @param hook the hook being run
 * @see HookStartingEvent
 */
public record HookCompletedEvent(Hook hook) {
}
