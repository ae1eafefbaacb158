package io.tributary.server.api.config;

import java.util.UUID;

import io.tributary.server.service.InvalidInputException;
import tools.jackson.databind.JsonNode;

/** Reads fields of Config API request bodies; a missing or malformed one is a 422 naming it. */
final class Requests {

    private Requests() {
    }

    static UUID uuid(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull() || v.asString("").isEmpty()) {
            throw new InvalidInputException(field, null, "required");
        }
        try {
            return UUID.fromString(v.asString());
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, v.asString(), "is not a UUID");
        }
    }

    static UUID optionalUuid(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : uuid(body, field);
    }

    static long id(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            throw new InvalidInputException(field, null, "required");
        }
        if (v.isIntegralNumber()) {
            return v.asLong();
        }
        try {
            return Long.parseLong(v.asString().trim());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, v.asString(), "is not a job id (a whole number)");
        }
    }

    static String string(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }

    static String requiredString(JsonNode body, String field) {
        String v = string(body, field);
        if (v == null || v.isBlank()) {
            throw new InvalidInputException(field, v, "required");
        }
        return v;
    }

    static Integer integer(JsonNode body, String field) {
        JsonNode v = body == null ? null : body.get(field);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.canConvertToInt() || !v.isIntegralNumber()) {
            throw new InvalidInputException(field, v.toString(), "must be a whole number");
        }
        return v.asInt();
    }
}
