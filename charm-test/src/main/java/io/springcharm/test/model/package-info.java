/**
 * A multi-unit local model that runs hooks in Juju's order, in this JVM or as real processes, against the in-memory Juju.
 */
@NullMarked
package io.springcharm.test.model;

import org.jspecify.annotations.NullMarked;
