/**
 * The charm's declarations: metadata.yaml, config.yaml, actions.yaml and charmcraft.yaml.
 */
@NullMarked
package io.springcharm.framework.metadata;

import org.jspecify.annotations.NullMarked;
