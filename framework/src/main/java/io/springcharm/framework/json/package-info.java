/**
 * JSON as plain Java values, without data binding.
 */
@NullMarked
package io.springcharm.framework.json;

import org.jspecify.annotations.NullMarked;
