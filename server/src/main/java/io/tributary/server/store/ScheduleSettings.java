package io.tributary.server.store;

import io.tributary.schedules.BasicUnit;
import io.tributary.schedules.Schedule;

/**
 * A connection's schedule as stored and as Airbyte spells it: {@code manual}, {@code basic} (units
 * and timeUnit) or {@code cron} (expression as given, and time zone).
 */
public record ScheduleSettings(String type, Long units, String timeUnit, String cronExpression, String cronTimeZone) {

    public static ScheduleSettings manual() {
        return new ScheduleSettings("manual", null, null, null, null);
    }

    /** The schedule to give Quartz; throws {@link io.tributary.schedules.ScheduleException} when invalid. */
    public Schedule toSchedule() {
        return switch (type) {
            case "basic" -> new Schedule.Basic(units == null ? 0 : units, BasicUnit.fromWire(timeUnit));
            case "cron" -> Schedule.Cron.parse(cronExpression, cronTimeZone);
            default -> new Schedule.Manual();
        };
    }
}
