package io.springcharm.test.juju;

/**
 * One {@code juju-log} line.
 *
 * @param unit the unit that logged it
 * @param hook the hook or action it ran in
 * @param level the level, upper case, for example {@code INFO} or {@code WARNING}
 * @param message the message, prefixed with {@code <endpoint>:<id>: } in relation hooks
 */
public record LogLine(String unit, String hook, String level, String message) {
}
