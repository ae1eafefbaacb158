package io.tributary.server.api.publicapi.errors;

/** One problem of a public API 422: which field and what is wrong. */
public record ProblemValidationError(String propertyPath, String message) {}
