package io.tributary.server.api.config.jobs;

import java.util.List;

/** The failures of an attempt, and whether it committed some records before failing. */
public record AttemptFailureSummary(List<FailureReason> failures, boolean partialSuccess) {}
