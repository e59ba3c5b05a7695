/**
 * The hook being run, read from the environment Juju builds for it.
 */
@NullMarked
package io.springcharm.framework.hook;

import org.jspecify.annotations.NullMarked;
