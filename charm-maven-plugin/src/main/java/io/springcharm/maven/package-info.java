/**
 * The Maven plugin that packages a charm module as a deployable {@code .charm}: the
 * {@code dispatch} script, the charm's YAML files, its jars in {@code lib/} and, optionally,
 * a Java runtime in {@code runtime/}.
 */
package io.springcharm.maven;
