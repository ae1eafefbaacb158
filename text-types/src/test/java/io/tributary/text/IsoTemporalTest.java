package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IsoTemporalTest {

    @Test
    void parsesDates() {
        assertThat(IsoTemporal.date("2024-05-01")).isEqualTo(LocalDate.of(2024, 5, 1));
        assertThat(IsoTemporal.date("+12024-05-01")).isEqualTo(LocalDate.of(12024, 5, 1));
        assertThat(IsoTemporal.date("2024-5-1")).isNull();
        assertThat(IsoTemporal.date("2023-02-29")).isNull();
        assertThat(IsoTemporal.date("2024-05-01T10:00:00Z")).isNull();
    }

    @Test
    void parsesDateTimesWithOffsetsInTheirUsualSpellings() {
        OffsetDateTime expected = OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 0, ZoneOffset.ofHours(2));
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01T10:15:30+02:00")).isEqualTo(expected);
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01 10:15:30+02")).isEqualTo(expected);
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01t10:15:30+0200")).isEqualTo(expected);
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01T10:15:30.5-05:30:15"))
                .isEqualTo(OffsetDateTime.of(
                        2024, 5, 1, 10, 15, 30, 500_000_000, ZoneOffset.ofHoursMinutesSeconds(-5, -30, -15)));
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01T10:15:30.123456789z"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_789, ZoneOffset.UTC));
    }

    @Test
    void takesDateTimesWithoutOffsetAsUtcAndDatesAsMidnight() {
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01T10:15"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 0, 0, ZoneOffset.UTC));
        assertThat(IsoTemporal.timestampWithOffset("2024-05-01"))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 0, 0, 0, 0, ZoneOffset.UTC));
    }

    @Test
    void keepsTheWallClockOfTimestampsWithoutZone() {
        assertThat(IsoTemporal.timestamp("2024-05-01T10:15:30+02:00"))
                .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30));
        assertThat(IsoTemporal.timestamp("2024-05-01 10:15:30.000001"))
                .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30, 1000));
        assertThat(IsoTemporal.timestamp("2024-05-01")).isEqualTo(LocalDateTime.of(2024, 5, 1, 0, 0));
    }

    @Test
    void fallsBackToJavaTimeForRareShapes() {
        assertThat(IsoTemporal.timestampWithOffset("+12024-05-01T10:15:30Z"))
                .isEqualTo(OffsetDateTime.of(12024, 5, 1, 10, 15, 30, 0, ZoneOffset.UTC));
        assertThat(IsoTemporal.timestamp("+12024-05-01T10:15:30")).isEqualTo(LocalDateTime.of(12024, 5, 1, 10, 15, 30));
    }

    @Test
    void parsesTimes() {
        assertThat(IsoTemporal.time("23:59:59.999999999")).isEqualTo(LocalTime.of(23, 59, 59, 999_999_999));
        assertThat(IsoTemporal.time("08:30")).isEqualTo(LocalTime.of(8, 30));
        assertThat(IsoTemporal.time("08:30:00+01:00")).isEqualTo(LocalTime.of(8, 30));
        assertThat(IsoTemporal.timeWithOffset("08:30:00-03:00"))
                .isEqualTo(OffsetTime.of(8, 30, 0, 0, ZoneOffset.ofHours(-3)));
        assertThat(IsoTemporal.timeWithOffset("08:30:00")).isEqualTo(OffsetTime.of(8, 30, 0, 0, ZoneOffset.UTC));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "2024",
                "2024-13-01T00:00:00Z",
                "2024-05-01T10:61:00Z",
                "2024-05-01T10:15:30+19:00",
                "2024-05-01T10:15:30.1234567890Z",
                "2024-05-01X10:15",
                "2024-05-01T10:15:30 UTC",
                "24:00:00"
            })
    void rejectsWhatIsNotAValidTimestamp(String text) {
        assertThat(IsoTemporal.timestampWithOffset(text)).isNull();
        assertThat(IsoTemporal.timestamp(text)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8:30", "24:00:00", "12:60", "12:30:61", "12:30:00+25:00", "noon"})
    void rejectsWhatIsNotAValidTime(String text) {
        assertThat(IsoTemporal.time(text)).isNull();
        assertThat(IsoTemporal.timeWithOffset(text)).isNull();
    }
}
