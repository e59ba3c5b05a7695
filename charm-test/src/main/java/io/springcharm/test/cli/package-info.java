/**
 * The {@code local-model} command line: deploys a charm on this host as N units whose hooks
 * run as real processes, runs steps against it, and prints what happened
 * ({@link io.springcharm.test.cli.LocalModelCommand}).
 */
@NullMarked
package io.springcharm.test.cli;

import org.jspecify.annotations.NullMarked;
