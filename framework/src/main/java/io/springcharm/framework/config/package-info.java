/**
 * The charm's config as Spring properties under {@code juju.config.*}.
 */
@NullMarked
package io.springcharm.framework.config;

import org.jspecify.annotations.NullMarked;
