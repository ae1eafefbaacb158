package io.tributary.server.service;

import io.tributary.connector.config.ConfigException;
import java.util.List;

/** Input the service cannot use (answered 422 with every problem as a validation error). */
public class InvalidInputException extends RuntimeException {

    private final List<ValidationError> errors;

    public InvalidInputException(List<ValidationError> errors) {
        super(errors.stream()
                .map(e -> e.propertyPath() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse("invalid input"));
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String propertyPath, Object invalidValue, String message) {
        this(List.of(new ValidationError(propertyPath, invalidValue, message)));
    }

    /** Each of a connector's problems ({@code place.field: what is wrong}) as a validation error. */
    public static InvalidInputException of(ConfigException e) {
        return new InvalidInputException(e.problems().stream()
                .map(p -> {
                    int colon = p.indexOf(": ");
                    return colon < 0
                            ? new ValidationError("", null, p)
                            : new ValidationError(p.substring(0, colon), null, p.substring(colon + 2));
                })
                .toList());
    }

    public List<ValidationError> errors() {
        return errors;
    }
}
