package io.springcharm.framework.metadata;

import java.util.Map;

/**
 * An action declared in actions.yaml.
 *
 * @param name the action name, for example {@code get-password}
 * @param description what it does
 * @param params its parameters as a JSON schema {@code properties} map
 */
public record ActionSpec(String name, String description, Map<String, Object> params) {
}
