/**
 * An in-memory Juju: the model of one application and the hook tools that read and change it, with Juju's formats, errors, access rules and commit rules.
 */
@NullMarked
package io.springcharm.test.juju;

import org.jspecify.annotations.NullMarked;
