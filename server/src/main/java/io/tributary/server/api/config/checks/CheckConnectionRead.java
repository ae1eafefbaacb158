package io.tributary.server.api.config.checks;

/** {@code sources/check_connection}, {@code destinations/check_connection}: {@code succeeded} or {@code failed}, and why. */
public record CheckConnectionRead(String status, String message, SynchronousJobRead jobInfo) {}
