/**
 * Auto-configuration of the hook runtime, one class per concern.
 */
@NullMarked
package io.springcharm.framework.autoconfigure;

import org.jspecify.annotations.NullMarked;
