package io.tributary.server.api.config.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Why an attempt or a synchronous run failed; {@code timestamp} in epoch milliseconds. A failed
 * discover reports only {@code externalMessage}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FailureReason(String failureOrigin, String failureType, String externalMessage, Long timestamp) {

    public static FailureReason message(String externalMessage) {
        return new FailureReason(null, null, externalMessage, null);
    }
}
