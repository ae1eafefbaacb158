package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;
import java.util.UUID;

/**
 * {@code jobs/list}: the job types ({@code sync}, {@code reset_connection}; none means both), the
 * connection ({@code configId}), one status to filter on, and the page.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobListRequestBody(
        List<String> configTypes, UUID configId, List<String> statuses, Pagination pagination) {}
