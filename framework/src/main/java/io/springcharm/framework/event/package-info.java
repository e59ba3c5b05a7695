/**
 * Hook events: one type per Juju hook under {@link io.springcharm.framework.event.HookEvent},
 * and the events around each hook.
 */
@NullMarked
package io.springcharm.framework.event;

import org.jspecify.annotations.NullMarked;
