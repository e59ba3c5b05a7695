/**
 * The hook runtime's entry point: {@link io.springcharm.framework.CharmApplication} and
 * {@link io.springcharm.framework.Charm @Charm}.
 */
@NullMarked
package io.springcharm.framework;

import org.jspecify.annotations.NullMarked;
