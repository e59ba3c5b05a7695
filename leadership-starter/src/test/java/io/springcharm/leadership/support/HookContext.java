package io.springcharm.leadership.support;

import io.springcharm.framework.state.Flags;
import io.springcharm.leadership.Leadership;
import org.springframework.context.ApplicationContext;

/**
 * What a test's action sees inside a hook.
 *
 * @param leadership the leadership bean
 * @param flags the flags bean
 * @param context the charm's context
 * @param probe the probe recording the hook
 */
public record HookContext(Leadership leadership, Flags flags, ApplicationContext context, Probe probe) {
}
