package io.tributary.server.api.config.connections;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** Tributary's addition: how many attempts a job gets and the wait before the second (doubled for each further one). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ConnectionRetryPolicy(Integer maxAttempts, Integer backoffSeconds) {}
