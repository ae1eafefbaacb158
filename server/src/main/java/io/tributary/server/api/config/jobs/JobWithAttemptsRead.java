package io.tributary.server.api.config.jobs;

import io.tributary.server.jobs.JobView;
import java.util.List;

/** A job and its attempts without logs, as {@code jobs/list} returns them. */
public record JobWithAttemptsRead(JobRead job, List<AttemptRead> attempts) {

    public static JobWithAttemptsRead of(JobView v) {
        return new JobWithAttemptsRead(
                JobRead.of(v), v.attempts().stream().map(AttemptRead::of).toList());
    }
}
