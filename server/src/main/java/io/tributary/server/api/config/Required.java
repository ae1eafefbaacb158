package io.tributary.server.api.config;

import io.tributary.server.service.InvalidInputException;

/** Checks that a Config API request field is there; a missing one is a 422 naming it, as Airbyte answers. */
public final class Required {

    private Required() {}

    public static <T> T field(String name, T value) {
        if (value == null) {
            throw new InvalidInputException(name, null, "required");
        }
        return value;
    }

    public static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, value, "required");
        }
        return value;
    }
}
