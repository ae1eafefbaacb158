package io.tributary.server.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the service runs jobs ({@code tributary.jobs.*}).
 *
 * @param maxConcurrent syncs running at once on this node; more wait as pending
 * @param maxConsecutiveFailures failed jobs in a row after which a connection is disabled
 * @param maxAttempts default attempts per job for new connections (automatic retries)
 * @param retryBackoff default wait before the second attempt, doubled for each further one
 * @param cancelWait how long {@code jobs/cancel} waits for the sync to reach a chunk boundary
 * @param progressInterval how often a running sync logs its progress
 */
@ConfigurationProperties("tributary.jobs")
public record JobSettings(
        Integer maxConcurrent,
        Integer maxConsecutiveFailures,
        Integer maxAttempts,
        Duration retryBackoff,
        Duration cancelWait,
        Duration progressInterval) {

    public JobSettings {
        maxConcurrent = maxConcurrent == null ? 4 : maxConcurrent;
        maxConsecutiveFailures = maxConsecutiveFailures == null ? 3 : maxConsecutiveFailures;
        maxAttempts = maxAttempts == null ? 3 : maxAttempts;
        retryBackoff = retryBackoff == null ? Duration.ofSeconds(30) : retryBackoff;
        cancelWait = cancelWait == null ? Duration.ofSeconds(10) : cancelWait;
        progressInterval = progressInterval == null ? Duration.ofSeconds(5) : progressInterval;
    }
}
