package io.tributary.schedules;

/**
 * What a retry trigger does when it fires: starts the next attempt of a job whose attempt failed
 * (the service resumes the failed execution after its last committed chunk).
 */
@FunctionalInterface
public interface SyncRetries {

    /**
     * @param connectionId the connection of the job
     * @param jobId the job whose attempt failed
     * @param attempt the number of the attempt to start
     * @param kind how to run it, as the service named it when it scheduled the retry (e.g. {@code RESUME})
     */
    void retry(String connectionId, long jobId, int attempt, String kind);
}
