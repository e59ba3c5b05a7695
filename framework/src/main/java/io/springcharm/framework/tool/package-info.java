/**
 * Juju's hook tools: {@link io.springcharm.framework.tool.HookTools} has one method per
 * tool; {@link io.springcharm.framework.tool.ToolRunner} runs them.
 */
@NullMarked
package io.springcharm.framework.tool;

import org.jspecify.annotations.NullMarked;
