/**
 * The example charm: the Leadership layer's README example.
 */
@NullMarked
package io.springcharm.example;

import org.jspecify.annotations.NullMarked;
