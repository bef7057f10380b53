package io.runflow.spring;

import java.util.List;
import java.util.function.Consumer;

/**
 * Hands {@code runflow.*} values to core's builders, turning what they reject into an {@link
 * InvalidRunflowPropertyException} that names the property, never its value.
 */
final class PropertyChecks {

    private static final String DISABLE = " or turn Runflow off with runflow.enabled=false.";

    private PropertyChecks() {}

    static String apiKey(String value) {
        if (value == null) {
            throw new InvalidRunflowPropertyException(
                    "runflow.api-key is not set, so no RunflowClient can be created.",
                    "Set runflow.api-key (for example runflow.api-key=${RUNFLOW_API_KEY}),"
                            + " define your own RunflowClient bean," + DISABLE);
        }
        return secretLike("runflow.api-key", value, "an API key from the Runflow dashboard");
    }

    static List<String> secrets(List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            secretLike("runflow.webhook.secrets[" + i + "]", values.get(i), "a callback signing secret (whsec_...)");
        }
        return values;
    }

    private static String secretLike(String property, String value, String what) {
        String stripped = value.strip();
        if (stripped.isEmpty()) {
            throw new InvalidRunflowPropertyException(
                    property + " is blank.", "Set " + property + " to " + what + "," + DISABLE);
        }
        if (stripped.startsWith("${") && stripped.endsWith("}")) {
            String name = stripped.substring(2, stripped.length() - 1);
            throw new InvalidRunflowPropertyException(
                    property + " is the unresolved placeholder " + stripped + ".",
                    "Set the environment variable or property " + name + ", or set " + property + " directly,"
                            + DISABLE);
        }
        return stripped;
    }

    /** Applies a value to a builder; what the builder rejects is reported under the property's name. */
    static <T> void apply(String property, T value, Consumer<T> setter) {
        try {
            setter.accept(value);
        } catch (IllegalArgumentException | IllegalStateException e) {
            // Core's messages never hold a key or a secret, only what is wrong with the value.
            throw new InvalidRunflowPropertyException(
                    property + " is invalid: " + e.getMessage() + ".", "Correct " + property + "," + DISABLE);
        }
    }
}
