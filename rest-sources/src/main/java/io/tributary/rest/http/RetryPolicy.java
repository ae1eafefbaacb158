package io.tributary.rest.http;

import java.time.Duration;

/**
 * How failed requests are retried: 429 and 5xx answers and network errors, up to {@code maxRetries}
 * times, waiting {@code initialBackoff} doubled on each attempt up to {@code maxBackoff}, or what the
 * server's {@code Retry-After} asks (never longer than {@code maxWait}).
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff, Duration maxWait) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(5, Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));
    }

    /** The wait before retry number {@code attempt} (0-based) when the server said nothing. */
    Duration backoff(int attempt) {
        long millis = initialBackoff.toMillis() << Math.min(attempt, 20);
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }
}
