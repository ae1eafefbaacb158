package io.tributary.server.api.config.jobs;

import io.tributary.server.jobs.JobView;

/** An attempt with its log, as JobInfoRead lists them. */
public record AttemptInfoRead(AttemptRead attempt, LogRead logs) {

    public static AttemptInfoRead of(JobView.Attempt a) {
        return new AttemptInfoRead(AttemptRead.of(a), new LogRead(a.logLines()));
    }
}
