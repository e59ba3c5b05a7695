/**
 * The hook start-up benchmark: a packaged charm's hooks as whole processes in the local model.
 */
@NullMarked
package io.springcharm.test.bench;

import org.jspecify.annotations.NullMarked;
