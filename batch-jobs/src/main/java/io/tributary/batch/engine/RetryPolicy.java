package io.tributary.batch.engine;

import java.time.Duration;
import java.util.Optional;

/**
 * How often a failed sync is tried again by itself, and how long to wait before each new attempt:
 * {@code backoff}, doubled for every further attempt. Each new attempt resumes the failed
 * execution after its last committed chunk.
 *
 * @param maxAttempts attempts in all, the first included (1: never again by itself)
 */
public record RetryPolicy(int maxAttempts, Duration backoff) {

    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(30));

    public RetryPolicy {
        if (maxAttempts < 1 || maxAttempts > 20) {
            throw new IllegalArgumentException("maxAttempts must be from 1 to 20, got " + maxAttempts);
        }
        if (backoff.isNegative()) {
            throw new IllegalArgumentException("backoff must not be negative, got " + backoff);
        }
    }

    /**
     * The wait before the attempt numbered {@code failedAttempt + 1} (attempts count from 0), or
     * empty when {@code failedAttempt} was the last one allowed.
     */
    public Optional<Duration> delayAfter(int failedAttempt) {
        if (failedAttempt + 1 >= maxAttempts) {
            return Optional.empty();
        }
        return Optional.of(backoff.multipliedBy(1L << Math.min(failedAttempt, 10)));
    }
}
