package io.tributary.schedules;

import java.time.ZoneId;
import java.util.Objects;

/**
 * When a connection syncs by itself, as Airbyte's {@code scheduleType}: never ({@link Manual}),
 * every N units ({@link Basic}), or by a cron expression ({@link Cron}).
 */
public sealed interface Schedule permits Schedule.Manual, Schedule.Basic, Schedule.Cron {

    /** Only when asked (API, CLI, JMX). */
    record Manual() implements Schedule {}

    /** Every {@code units} {@code unit}s, counted from when the schedule was set. */
    record Basic(long units, BasicUnit unit) implements Schedule {
        public Basic {
            Objects.requireNonNull(unit, "unit");
            if (units < 1) {
                throw new ScheduleException("basic schedule: units must be 1 or more, got " + units);
            }
        }
    }

    /**
     * A cron expression in Quartz syntax (what Airbyte stores); {@link #parse} also accepts the
     * 5-field Unix form and macros such as {@code @daily}.
     */
    record Cron(String quartzExpression, ZoneId zone) implements Schedule {
        public Cron {
            Objects.requireNonNull(quartzExpression, "quartzExpression");
            Objects.requireNonNull(zone, "zone");
        }

        /** Parses Unix or Quartz syntax in a time zone (an IANA name such as {@code Europe/Paris}; empty is UTC). */
        public static Cron parse(String expression, String timeZone) {
            ZoneId zone;
            try {
                zone = timeZone == null || timeZone.isBlank() ? ZoneId.of("UTC") : ZoneId.of(timeZone.trim());
            } catch (java.time.DateTimeException e) {
                throw new ScheduleException("cron time zone '" + timeZone
                        + "' is not a known time zone; use an IANA name such as UTC or Europe/Paris");
            }
            return new Cron(CronExpressions.toQuartz(expression), zone);
        }
    }
}
