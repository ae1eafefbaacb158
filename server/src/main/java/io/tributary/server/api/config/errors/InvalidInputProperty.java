package io.tributary.server.api.config.errors;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One problem of a 422 answer: which field, the value given (when there was one, masked), what is wrong. */
public record InvalidInputProperty(
        String propertyPath,
        @JsonInclude(JsonInclude.Include.NON_NULL) String invalidValue,
        String message) {}
