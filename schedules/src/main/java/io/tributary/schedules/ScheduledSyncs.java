package io.tributary.schedules;

import java.time.Instant;

/** What a schedule does when it fires: asks for a sync of the connection (the service decides whether one may start). */
@FunctionalInterface
public interface ScheduledSyncs {

    /**
     * @param connectionId the connection whose trigger fired
     * @param scheduledFor when the trigger was due (earlier than now for a misfire's catch-up run)
     */
    void fire(String connectionId, Instant scheduledFor);
}
