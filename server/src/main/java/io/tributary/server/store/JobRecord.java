package io.tributary.server.store;

import java.time.Instant;
import java.util.UUID;

/**
 * A job (Airbyte's): one requested sync or reset of a connection, run by one or more attempts.
 *
 * @param configType {@code sync} or {@code reset_connection}
 * @param status pending, running, incomplete, failed, succeeded or cancelled
 */
public record JobRecord(
        long id,
        String configType,
        UUID connectionId,
        String status,
        boolean cancelRequested,
        Instant createdAt,
        Instant updatedAt) {

    public boolean isTerminal() {
        return status.equals("failed") || status.equals("succeeded") || status.equals("cancelled");
    }
}
