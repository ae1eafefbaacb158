package io.tributary.server.api.config.errors;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A Config API error as Airbyte answers it: the message and exception class every client logs,
 * plus the unknown {@code id} of a 404 or the {@code validationErrors} of a 422.
 */
public record KnownExceptionInfo(
        String message,
        String exceptionClassName,
        List<String> exceptionStack,
        @JsonInclude(JsonInclude.Include.NON_NULL) String id,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<InvalidInputProperty> validationErrors) {

    public static KnownExceptionInfo of(String message, String exceptionClassName) {
        return new KnownExceptionInfo(message, exceptionClassName, List.of(), null, null);
    }

    public KnownExceptionInfo withId(String unknownId) {
        return new KnownExceptionInfo(message, exceptionClassName, exceptionStack, unknownId, validationErrors);
    }

    public KnownExceptionInfo withValidationErrors(List<InvalidInputProperty> errors) {
        return new KnownExceptionInfo(message, exceptionClassName, exceptionStack, id, errors);
    }
}
