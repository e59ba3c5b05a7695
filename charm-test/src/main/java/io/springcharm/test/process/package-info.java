/**
 * The process side of the local model: hooks run as real {@code dispatch} processes whose
 * hook tools reach the in-memory Juju over a unix socket
 * ({@link io.springcharm.test.process.ProcessHookExecutor},
 * {@link io.springcharm.test.process.ToolServer}), and {@code .charm} unpacking
 * ({@link io.springcharm.test.process.CharmArchive}).
 */
@NullMarked
package io.springcharm.test.process;

import org.jspecify.annotations.NullMarked;
