package io.tributary.server.api.config.jobs;

import java.util.List;

/** {@code jobs/list}: one page of jobs, newest first, and how many match in all. */
public record JobReadList(List<JobWithAttemptsRead> jobs, long totalJobCount) {}
