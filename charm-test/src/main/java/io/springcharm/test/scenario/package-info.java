/**
 * State-transition tests: an immutable input state, one event run through the charm's real entry point, an output state to assert on.
 */
@NullMarked
package io.springcharm.test.scenario;

import org.jspecify.annotations.NullMarked;
