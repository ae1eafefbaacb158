package io.tributary.readers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresTextValuesTest {

    @Test
    void turnsDatesIntoIsoDatesWithAstronomicalYears() {
        assertThat(PostgresTextValues.isoDate("2024-02-29")).isEqualTo("2024-02-29");
        assertThat(PostgresTextValues.isoDate("0001-01-01 BC")).isEqualTo("0000-01-01");
        assertThat(PostgresTextValues.isoDate("0044-03-15 BC")).isEqualTo("-0043-03-15");
        assertThat(PostgresTextValues.isoDate("12345-06-07")).isEqualTo("+12345-06-07");
        assertThat(PostgresTextValues.isoDate("infinity")).isEqualTo("infinity");
    }

    @Test
    void turnsTimestampsIntoIsoDateTimes() {
        assertThat(PostgresTextValues.isoTimestamp("2024-01-02 03:04:05.123456"))
                .isEqualTo("2024-01-02T03:04:05.123456");
        assertThat(PostgresTextValues.isoTimestamp("0010-01-02 03:04:05 BC")).isEqualTo("-0009-01-02T03:04:05");
        assertThat(PostgresTextValues.isoTimestampTz("2024-01-02 03:04:05+00")).isEqualTo("2024-01-02T03:04:05Z");
        assertThat(PostgresTextValues.isoTimestampTz("2024-01-02 03:04:05.5-05"))
                .isEqualTo("2024-01-02T03:04:05.5-05:00");
        assertThat(PostgresTextValues.isoTimestampTz("-infinity")).isEqualTo("-infinity");
    }

    @Test
    void turnsUtcTimestampsOfEveryShapeIntoIsoDateTimesEndingInZ() {
        assertThat(PostgresTextValues.isoTimestampTz("2024-01-02 03:04:05.123456+00"))
                .isEqualTo("2024-01-02T03:04:05.123456Z");
        assertThat(PostgresTextValues.isoTimestampTz("0044-03-15 10:00:00+00 BC"))
                .isEqualTo("-0043-03-15T10:00:00Z");
        assertThat(PostgresTextValues.isoTimestampTz("12345-01-01 00:00:00+00")).isEqualTo("+12345-01-01T00:00:00Z");
        assertThat(PostgresTextValues.isoTimestampTz("2024-01-02 03:04:05+00:00"))
                .isEqualTo("2024-01-02T03:04:05Z");
        assertThat(PostgresTextValues.isoTimestampTz("2024-01-02 03:04:05+00:30"))
                .isEqualTo("2024-01-02T03:04:05+00:30");
    }

    @Test
    void completesShortOffsetsOfTimesWithTimeZone() {
        assertThat(PostgresTextValues.isoTimeTz("10:00:00+05")).isEqualTo("10:00:00+05:00");
        assertThat(PostgresTextValues.isoTimeTz("10:00:00-03:30")).isEqualTo("10:00:00-03:30");
    }
}
