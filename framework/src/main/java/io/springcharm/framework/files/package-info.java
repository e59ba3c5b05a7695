/**
 * Writing files safely on the unit's machine.
 */
@NullMarked
package io.springcharm.framework.files;

import org.jspecify.annotations.NullMarked;
