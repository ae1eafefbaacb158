package io.tributary.server.api.publicapi.jobs;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** {@code POST /jobs}: the connection (required) and {@code jobType} {@code sync} (default) or {@code reset}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record JobCreateRequest(UUID connectionId, String jobType) {}
