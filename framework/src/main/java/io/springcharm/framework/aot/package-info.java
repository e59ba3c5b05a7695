/**
 * Work decided when the charm is built (Spring AOT) so that no hook repeats it.
 */
@NullMarked
package io.springcharm.framework.aot;

import org.jspecify.annotations.NullMarked;
