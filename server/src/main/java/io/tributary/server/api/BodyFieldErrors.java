package io.tributary.server.api;

import io.tributary.server.service.InvalidInputException;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns a request body field of the wrong type (a UUID that is not one, a word where a number
 * goes) into the 422 validation error that names the field, as the APIs answered when they read
 * fields by hand; a body that is not JSON at all stays a plain unreadable-body error.
 */
public final class BodyFieldErrors {

    private BodyFieldErrors() {}

    public static Optional<InvalidInputException> of(Throwable unreadable) {
        for (Throwable t = unreadable; t != null; t = t.getCause()) {
            if (t instanceof MismatchedInputException m && !m.getPath().isEmpty()) {
                String path = m.getPath().stream()
                        .map(r -> r.getPropertyName() != null ? r.getPropertyName() : String.valueOf(r.getIndex()))
                        .collect(Collectors.joining("."));
                Object value = m instanceof tools.jackson.databind.exc.InvalidFormatException f ? f.getValue() : null;
                return Optional.of(new InvalidInputException(path, value, problem(path, m.getTargetType())));
            }
        }
        return Optional.empty();
    }

    private static String problem(String path, Class<?> type) {
        if (type == UUID.class) {
            return "is not a UUID";
        }
        if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
            return "id".equals(path) ? "is not a job id (a whole number)" : "must be a whole number";
        }
        return type == null ? "has the wrong type" : "must be " + describe(type);
    }

    private static String describe(Class<?> type) {
        if (type == String.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (java.util.Collection.class.isAssignableFrom(type)) {
            return "a list";
        }
        return "an object";
    }
}
