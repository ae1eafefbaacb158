package io.tributary.schedules;

import java.util.Arrays;
import java.util.Locale;
import org.quartz.DateBuilder.IntervalUnit;

/** The units of a basic schedule, as Airbyte's {@code timeUnit}. */
public enum BasicUnit {
    MINUTES(IntervalUnit.MINUTE),
    HOURS(IntervalUnit.HOUR),
    DAYS(IntervalUnit.DAY),
    WEEKS(IntervalUnit.WEEK),
    MONTHS(IntervalUnit.MONTH);

    private final IntervalUnit quartz;

    BasicUnit(IntervalUnit quartz) {
        this.quartz = quartz;
    }

    IntervalUnit quartz() {
        return quartz;
    }

    /** Airbyte's spelling: {@code minutes}, {@code hours}, ... */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BasicUnit fromWire(String value) {
        return Arrays.stream(values())
                .filter(u -> u.wireName().equalsIgnoreCase(value == null ? "" : value.trim()))
                .findFirst()
                .orElseThrow(() -> new ScheduleException(
                        "basic schedule: unknown timeUnit '" + value + "'; use minutes, hours, days, weeks or months"));
    }
}
