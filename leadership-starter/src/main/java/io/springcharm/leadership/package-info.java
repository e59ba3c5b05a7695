/**
 * Leadership for charms: the {@link io.springcharm.leadership.Leadership} bean, the
 * {@code leadership.*} flags, and the events raised when leader-owned settings change or this
 * unit gains or loses leadership, on Juju leader settings or peer-relation application data.
 */
@NullMarked
package io.springcharm.leadership;

import org.jspecify.annotations.NullMarked;
