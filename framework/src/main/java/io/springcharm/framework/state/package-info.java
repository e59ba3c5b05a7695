/**
 * Unit state and flags that survive between hooks, committed only on success.
 */
@NullMarked
package io.springcharm.framework.state;

import org.jspecify.annotations.NullMarked;
