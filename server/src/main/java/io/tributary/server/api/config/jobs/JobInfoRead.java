package io.tributary.server.api.config.jobs;

import java.util.List;

import io.tributary.server.jobs.JobView;

/** Airbyte's JobInfoRead ({@code connections/sync}, {@code jobs/get}, {@code jobs/cancel}): the job and each attempt with its log. */
public record JobInfoRead(JobRead job, List<AttemptInfoRead> attempts) {

    public static JobInfoRead of(JobView v) {
        return new JobInfoRead(JobRead.of(v), v.attempts().stream().map(AttemptInfoRead::of).toList());
    }
}
