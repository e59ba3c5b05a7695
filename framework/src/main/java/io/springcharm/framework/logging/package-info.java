/**
 * Where Spring's own log lines go in a hook when the charm brings no logging back end.
 */
@NullMarked
package io.springcharm.framework.logging;

import org.jspecify.annotations.NullMarked;
