package io.tributary.server.api;

/** The answer of both APIs' {@code health}: the service is up. */
public record HealthCheckRead(boolean available) {

    public static HealthCheckRead up() {
        return new HealthCheckRead(true);
    }
}
