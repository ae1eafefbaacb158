package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Each step of the scanner on the shapes it reads and on those it leaves to java.time. */
class IsoDateTimeScannerTest {

    @Test
    void readsEachPartOfADateTimeWhereThePreviousOneStopped() {
        IsoDateTimeScanner scan = new IsoDateTimeScanner("2024-02-29 23:59:58.125+05:30");
        assertThat(scan.date()).isTrue();
        assertThat(scan.atEnd()).isFalse();
        assertThat(scan.dateTimeSeparator()).isTrue();
        assertThat(scan.time()).isTrue();
        assertThat(scan.offset()).isTrue();
        assertThat(scan.atEnd()).isTrue();
        assertThat(new int[] {scan.year(), scan.month(), scan.day(), scan.hour(), scan.minute(), scan.second()})
                .containsExactly(2024, 2, 29, 23, 59, 58);
        assertThat(scan.nano()).isEqualTo(125_000_000);
        assertThat(scan.fractionDigits()).isEqualTo(3);
        assertThat(scan.nanoOfDay()).isEqualTo(((23 * 60L + 59) * 60 + 58) * 1_000_000_000L + 125_000_000);
        assertThat(scan.hasOffset()).isTrue();
        assertThat(scan.offsetSeconds()).isEqualTo(5 * 3600 + 30 * 60);
    }

    @Test
    void readsADateOrATimeAlone() {
        IsoDateTimeScanner date = new IsoDateTimeScanner("0000-02-29");
        assertThat(date.date() && date.atEnd()).isTrue();
        IsoDateTimeScanner time = new IsoDateTimeScanner("08:30");
        assertThat(time.time() && time.atEnd()).isTrue();
        assertThat(time.second()).isZero();
        assertThat(time.fractionDigits()).isZero();
        assertThat(time.hasOffset()).isFalse();
        assertThat(time.offsetSeconds()).isZero();
    }

    @ParameterizedTest(name = "{0} is an offset of {1} seconds")
    @CsvSource({"Z,0", "z,0", "+02,7200", "-0230,-9000", "+02:30,9000", "-05:30:15,-19815", "-00:00,0", "+18:00,64800"})
    void readsEveryOffsetForm(String offset, int seconds) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner("10:00" + offset);
        assertThat(scan.time() && scan.offset() && scan.atEnd()).isTrue();
        assertThat(scan.offsetSeconds()).isEqualTo(seconds);
        assertThat(scan.offsetHasSeconds()).isEqualTo(offset.length() == 9);
        assertThat(scan.offsetInRange()).isTrue();
    }

    @ParameterizedTest(name = "{0} is read but beyond the range of a ZoneOffset")
    @ValueSource(strings = {"+18:01", "-18:30", "+18:00:01", "-1859"})
    void readsOffsetsPast18HoursButTellsThatTheyAreOutOfRange(String offset) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner("10:00" + offset);
        assertThat(scan.time() && scan.offset()).isTrue();
        assertThat(scan.offsetInRange()).isFalse();
    }

    @ParameterizedTest(name = "{0} is not an offset")
    @ValueSource(
            strings = {
                "+19",
                "+02:60",
                "+02:00:60",
                "+2",
                "+02:",
                "+020",
                "+02:0030",
                "Z ",
                "Zulu",
                " +02",
                "+02 ",
                "UTC"
            })
    void rejectsOffsetsOfOtherShapesOrThatDoNotEndTheText(String offset) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner("10:00" + offset);
        assertThat(scan.time()).isTrue();
        assertThat(scan.offset()).isFalse();
    }

    @ParameterizedTest(name = "{0} is not a date")
    @ValueSource(
            strings = {
                "2023-02-29",
                "1900-02-29",
                "2024-04-31",
                "2024-13-01",
                "2024-00-01",
                "2024-01-00",
                "2024-1-01",
                "2024/01/01",
                "+2024-01-01",
                "2024-01-0\u0661",
                "2024-01"
            })
    void rejectsDatesOfOtherShapesOrThatTheCalendarDoesNotHave(String text) {
        assertThat(new IsoDateTimeScanner(text).date()).isFalse();
    }

    @ParameterizedTest(name = "{0} is not a time")
    @ValueSource(strings = {"24:00", "10:60", "10:00:60", "10:00:00.", "10:00:00.1234567890", "8:30", "10-00", "10:0"})
    void rejectsTimesOfOtherShapesOrOutOfRange(String text) {
        assertThat(new IsoDateTimeScanner(text).time()).isFalse();
    }

    @Test
    void readsUpToNineFractionDigitsAfterAPointOrAComma() {
        IsoDateTimeScanner nine = new IsoDateTimeScanner("23:59:59,999999999");
        assertThat(nine.time() && nine.atEnd()).isTrue();
        assertThat(nine.nano()).isEqualTo(999_999_999);
        IsoDateTimeScanner one = new IsoDateTimeScanner("00:00:00.5");
        assertThat(one.time() && one.atEnd()).isTrue();
        assertThat(one.nano()).isEqualTo(500_000_000);
        assertThat(one.fractionDigits()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} separates a date from a time")
    @ValueSource(strings = {"T", "t", " "})
    void acceptsTOrASpaceBetweenDateAndTime(String separator) {
        IsoDateTimeScanner scan = new IsoDateTimeScanner("2024-01-01" + separator + "10:00");
        assertThat(scan.date() && scan.dateTimeSeparator() && scan.time() && scan.atEnd())
                .isTrue();
    }
}
