package io.tributary.server.service;

/** One invalid input: where (Airbyte's {@code propertyPath}), what was given, and what is wrong. */
public record ValidationError(String propertyPath, Object invalidValue, String message) {}
