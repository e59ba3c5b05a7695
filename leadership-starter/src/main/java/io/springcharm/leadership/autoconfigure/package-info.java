/**
 * Auto-configuration of the leadership starter.
 */
@NullMarked
package io.springcharm.leadership.autoconfigure;

import org.jspecify.annotations.NullMarked;
