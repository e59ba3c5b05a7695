/**
 * {@link io.springcharm.framework.env.HookEnvironment}: what a charm sees of Juju in one hook.
 */
@NullMarked
package io.springcharm.framework.env;

import org.jspecify.annotations.NullMarked;
