package io.tributary.server.api.publicapi.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/** {@code GET /jobs}: one page of jobs and the URLs of the next and previous pages, when there are such pages. */
public record JobsResponse(
        List<JobResponse> data,
        @JsonInclude(JsonInclude.Include.NON_NULL) String next,
        @JsonInclude(JsonInclude.Include.NON_NULL) String previous) {}
