package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * The hand-written date and date-time parser against java.time's, which it replaces for the common
 * shapes: on any text, with or without an offset, both give the same value (or both none).
 */
class IsoDateTimeTextTest {

    private static final List<TextType> DATE_TIME_TYPES =
            List.of(TextType.DATE_TIME_WITH_TIMEZONE, TextType.DATE_TIME_WITHOUT_TIMEZONE);

    @Test
    void parsesEveryTextExactlyAsJavaTimeDoes() {
        int readWithoutJavaTime = 0;
        for (String text : dateTimeLikeTexts(50_000)) {
            for (TextType type : DATE_TIME_TYPES) {
                assertThat(text(type.parse(text)))
                        .as("%s of '%s'", type, text)
                        .isEqualTo(text(byFormatter(type, text)));
                if (IsoDateTimeText.canonical(text, type == TextType.DATE_TIME_WITH_TIMEZONE) != null) {
                    readWithoutJavaTime++;
                }
            }
        }
        // the comparison proves something only if the generated texts take both paths often
        assertThat(readWithoutJavaTime).isBetween(15_000, 85_000);
    }

    @ParameterizedTest(name = "{0} is read without java.time as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-01-01 00:00:01+00|2024-01-01T00:00:01Z",
                "2024-01-01T10:00:00Z|2024-01-01T10:00:00Z",
                "2024-01-01t10:00:00z|2024-01-01T10:00:00Z",
                "2024-01-01T10:00:00-00:00|2024-01-01T10:00:00Z",
                "2024-06-30 23:59:59.123456+02|2024-06-30T23:59:59.123456+02:00",
                "2024-06-30 23:59:59,500+0530|2024-06-30T23:59:59.5+05:30",
                "2024-06-30 23:59:59.000-03:30|2024-06-30T23:59:59-03:30",
                "2024-02-29T10:00+18:00|2024-02-29T10:00:00+18:00",
                "0000-02-29 00:00:00.000000001-18|0000-02-29T00:00:00.000000001-18:00"
            })
    void readsTheCommonShapesWithAnOffsetItself(String text, String canonical) {
        assertThat(IsoDateTimeText.canonical(text, true)).isEqualTo(canonical);
        assertThat(TextType.DATE_TIME_WITH_TIMEZONE.parse(text).asString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} is read without java.time as {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "2024-01-01 00:00:01|2024-01-01T00:00:01",
                "2024-01-01T10:00|2024-01-01T10:00:00",
                "2024-12-31 23:59:59.9|2024-12-31T23:59:59.9",
                "9999-12-31 23:59:59.999999999|9999-12-31T23:59:59.999999999"
            })
    void readsTheCommonShapesWithoutAnOffsetItself(String text, String canonical) {
        assertThat(IsoDateTimeText.canonical(text, false)).isEqualTo(canonical);
        assertThat(TextType.DATE_TIME_WITHOUT_TIMEZONE.parse(text).asString()).isEqualTo(canonical);
    }

    @ParameterizedTest(name = "{0} is left to java.time")
    @CsvSource(
            delimiter = '|',
            value = {
                "2023-02-29 10:00:00",
                "2024-04-31 10:00:00",
                "2024-13-01 10:00:00",
                "2024-01-01 24:00:00",
                "2024-01-01 10:60:00",
                "2024-01-01 10:00:60",
                "2024-01-01 10:00:00.1234567890",
                "2024-01-01 10:00:00+19",
                "2024-01-01 10:00:00+18:01",
                "2024-01-01 10:00:00+02:00:30",
                "2024-01-01 10:00:00 +02",
                "2024-01-01_10:00:00",
                "2024-1-01 10:00:00",
                "2024-01-01 10:00:00+2"
            })
    void leavesEverythingElseToJavaTime(String text) {
        assertThat(IsoDateTimeText.canonical(text, true)).isNull();
        assertThat(IsoDateTimeText.canonical(text, false)).isNull();
    }

    @Test
    void readsEveryDateExactlyAsJavaTimeDoes() {
        Random random = new Random(20241125);
        List<Integer> years = new ArrayList<>(List.of(0, 4, 100, 400, 1900, 1970, 2000, 2023, 2024, 2100, 9999));
        for (int i = 0; i < 40; i++) {
            years.add(random.nextInt(10000));
        }
        int dates = 0;
        for (int year : years) {
            for (int month = 0; month <= 13; month++) {
                for (int day = 0; day <= 32; day++) {
                    String text = String.format("%04d-%02d-%02d", year, month, day);
                    JsonNode value = TextType.DATE.parse(text);
                    assertThat(text(value)).as(text).isEqualTo(dateByJavaTime(text));
                    dates += value == null ? 0 : 1;
                }
            }
        }
        assertThat(dates).isGreaterThan(years.size() * 365);
        for (String text : List.of(
                "2024-1-01",
                "2024-01-1",
                "2024/01/01",
                "20240101",
                "2024-01-01T00:00",
                "-2024-01-01",
                "+2024-01-01",
                "02024-01-01",
                "2024-01-0\u0661",
                " 2024-01-01 ")) {
            assertThat(text(TextType.DATE.parse(text))).as(text).isEqualTo(dateByJavaTime(text.trim()));
        }
    }

    /** What TextType did for dates before it checked them by hand. */
    private static String dateByJavaTime(String text) {
        if (!text.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
            return null;
        }
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE.withResolverStyle(ResolverStyle.STRICT))
                    .toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static JsonNode byFormatter(TextType type, String text) {
        try {
            return type.parseDateTimeByFormatter(text.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String text(JsonNode value) {
        return value == null ? null : value.asString();
    }

    /**
     * Date-times in every shape the formatter knows: half are valid date-times in the shapes
     * {@link IsoDateTimeText} reads, half have values around each field's limits and separators it
     * leaves to java.time; one text in four then has a character dropped, doubled or replaced.
     * Seeded: a failure names a text that comes again on the next run.
     */
    private static List<String> dateTimeLikeTexts(int count) {
        Random random = new Random(20241125);
        List<String> texts = new ArrayList<>(count);
        for (int k = 0; k < count; k++) {
            String text = new TextMaker(random, random.nextBoolean()).dateTime();
            texts.add(random.nextInt(4) == 0 ? garbled(random, text) : text);
        }
        return texts;
    }

    /** One generated text; {@code valid} keeps every field in its range and the separators in the fast shapes. */
    private record TextMaker(Random random, boolean valid) {

        String dateTime() {
            return pick(
                            "2024",
                            "2023",
                            "2000",
                            "1900",
                            "2100",
                            "0000",
                            "0004",
                            "9999",
                            String.format("%04d", random.nextInt(10000)))
                    + "-" + twoDigits(valid ? 1 : 0, valid ? 12 : 13) + "-" + twoDigits(valid ? 1 : 0, valid ? 28 : 32)
                    + (valid ? pick("T", "t", " ") : pick("T", " ", "_", "", "  "))
                    + twoDigits(0, valid ? 23 : 25) + ":" + twoDigits(0, valid ? 59 : 61)
                    + seconds() + offset();
        }

        private String seconds() {
            return switch (random.nextInt(3)) {
                case 0 -> "";
                case 1 -> ":" + twoDigits(0, valid ? 59 : 61);
                default ->
                    ":" + twoDigits(0, valid ? 59 : 61) + pick(".", ",")
                            + digits(
                                    valid ? 1 + random.nextInt(9) : random.nextInt(12),
                                    random.nextBoolean() ? "0123456789" : "05");
            };
        }

        private String offset() {
            String sign = pick("+", "-");
            String hours = twoDigits(0, valid ? 17 : 19);
            String minutes = twoDigits(0, valid ? 59 : 61);
            return switch (random.nextInt(valid ? 5 : 6)) {
                case 0 ->
                    valid
                            ? pick("", "Z", "z", "+00", "-00", "+00:00", "-00:00", "+0000")
                            : pick(" +02", "+2", "+02:", "Zulu", "+18", "-18:00", "+1800");
                case 1 -> sign + hours;
                case 2 -> sign + hours + minutes;
                case 3 -> sign + hours + ":" + minutes;
                case 4 -> "";
                default -> sign + hours + pick("", ":", "x") + minutes + pick("", ":") + "30";
            };
        }

        /** Two digits in the range; when not valid, sometimes one digit, the bound or non-ASCII digits. */
        private String twoDigits(int min, int max) {
            return valid || random.nextInt(5) > 0
                    ? String.format("%02d", min + random.nextInt(max - min + 1))
                    : pick(String.valueOf(max), "0", "9", "\u0663\u0663");
        }

        private String digits(int length, String alphabet) {
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < length; i++) {
                out.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            return out.toString();
        }

        private String pick(String... choices) {
            return IsoDateTimeTextTest.pick(random, choices);
        }
    }

    private static String garbled(Random random, String text) {
        int i = random.nextInt(text.length());
        return switch (random.nextInt(3)) {
            case 0 -> text.substring(0, i) + text.substring(i + 1);
            case 1 -> text.substring(0, i) + text.charAt(i) + text.substring(i);
            default ->
                text.substring(0, i)
                        + pick(random, "0", "9", "-", ":", ".", "+", "T", " ", "Z", "x")
                        + text.substring(i + 1);
        };
    }

    private static String pick(Random random, String... choices) {
        return choices[random.nextInt(choices.length)];
    }
}
