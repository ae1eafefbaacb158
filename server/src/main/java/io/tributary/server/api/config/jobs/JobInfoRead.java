package io.tributary.server.api.config.jobs;

import io.tributary.server.jobs.JobView;
import java.util.List;

/** Airbyte's JobInfoRead ({@code connections/sync}, {@code jobs/get}, {@code jobs/cancel}): the job and each attempt with its log. */
public record JobInfoRead(JobRead job, List<AttemptInfoRead> attempts) {

    public static JobInfoRead of(JobView v) {
        return new JobInfoRead(
                JobRead.of(v), v.attempts().stream().map(AttemptInfoRead::of).toList());
    }
}
