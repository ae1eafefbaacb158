package io.tributary.schedules;

/** A schedule that cannot be used (an invalid cron expression, say), with a message that says what to fix. */
public class ScheduleException extends IllegalArgumentException {

    public ScheduleException(String message) {
        super(message);
    }
}
