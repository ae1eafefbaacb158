package io.tributary.text;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TextTypeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest(name = "{0} looks like {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "42|INTEGER",
                "-7|INTEGER",
                "0|INTEGER",
                "-0|INTEGER",
                " 12 |INTEGER",
                "9223372036854775807|INTEGER",
                "-9223372036854775808|INTEGER",
                "-9223372036854775809|NUMBER",
                "9223372036854775808|NUMBER",
                "-|STRING",
                "-01|STRING",
                "\u0664\u0662|STRING",
                "1.50|NUMBER",
                "-0.5|NUMBER",
                "1e10|NUMBER",
                "007|STRING",
                "+5|STRING",
                ".5|STRING",
                "NaN|STRING",
                "1,5|STRING",
                "12abc|STRING",
                "true|BOOLEAN",
                "FALSE|BOOLEAN",
                "yes|STRING",
                "2024-02-29|DATE",
                "2023-02-29|STRING",
                "2024-13-01|STRING",
                "2024-01-01T10:00:00Z|DATE_TIME_WITH_TIMEZONE",
                "2024-01-01 10:00:00+02|DATE_TIME_WITH_TIMEZONE",
                "2024-01-01T10:00:00.123456+0530|DATE_TIME_WITH_TIMEZONE",
                "2024-01-01T10:00:00|DATE_TIME_WITHOUT_TIMEZONE",
                "2024-01-01 10:00|DATE_TIME_WITHOUT_TIMEZONE",
                "2024-01-01T25:00:00|STRING",
                "10:30|STRING",
                "hello|STRING"
            })
    void detectsTheMostSpecificType(String text, TextType expected) {
        assertThat(TextType.detect(text)).isEqualTo(expected);
    }

    @Test
    void detectsOnlyFormatsInJsonStrings() {
        assertThat(TextType.detectFormat("42")).isEqualTo(TextType.STRING);
        assertThat(TextType.detectFormat("true")).isEqualTo(TextType.STRING);
        assertThat(TextType.detectFormat("2024-01-31")).isEqualTo(TextType.DATE);
    }

    @Test
    void parsesNumbersAsLongsAndDecimalsNeverDoubles() {
        assertThat(TextType.INTEGER.parse("42").longValue()).isEqualTo(42L);
        assertThat(TextType.INTEGER.parse("007").longValue()).isEqualTo(7L);
        assertThat(TextType.INTEGER.parse("3.0").longValue()).isEqualTo(3L);
        assertThat(TextType.INTEGER.parse("123456789012345678901234567890").bigIntegerValue())
                .isEqualTo(new java.math.BigInteger("123456789012345678901234567890"));
        assertThat(TextType.INTEGER.parse("-9223372036854775808").longValue()).isEqualTo(Long.MIN_VALUE);
        assertThat(TextType.INTEGER.parse("9223372036854775808").bigIntegerValue())
                .isEqualTo(new java.math.BigInteger("9223372036854775808"));
        assertThat(TextType.INTEGER.parse("-0").longValue()).isEqualTo(0L);
        assertThat(TextType.INTEGER.parse("-")).isNull();
        assertThat(TextType.INTEGER.parse("3.5")).isNull();
        assertThat(TextType.INTEGER.parse("1e999999999")).isNull();
        assertThat(TextType.INTEGER.parse("abc")).isNull();

        JsonNode price = TextType.NUMBER.parse("0.10");
        assertThat(price.isBigDecimal()).isTrue();
        assertThat(price.decimalValue()).isEqualTo(new BigDecimal("0.10"));
        assertThat(TextType.NUMBER.parse("n/a")).isNull();
    }

    @Test
    void parsesBooleansInTheirCommonSpellings() {
        assertThat(TextType.BOOLEAN.parse("t").booleanValue()).isTrue();
        assertThat(TextType.BOOLEAN.parse("No").booleanValue()).isFalse();
        assertThat(TextType.BOOLEAN.parse("0").booleanValue()).isFalse();
        assertThat(TextType.BOOLEAN.parse("maybe")).isNull();
    }

    @Test
    void parsesDatesAndTimesIntoIsoStrings() {
        assertThat(TextType.DATE.parse("2024-02-29").asString()).isEqualTo("2024-02-29");
        assertThat(TextType.DATE.parse("2024-02-30")).isNull();
        assertThat(TextType.DATE_TIME_WITH_TIMEZONE
                        .parse("2024-01-01 10:00:00+02")
                        .asString())
                .isEqualTo("2024-01-01T10:00:00+02:00");
        assertThat(TextType.DATE_TIME_WITH_TIMEZONE.parse("2024-01-01T10:00Z").asString())
                .isEqualTo("2024-01-01T10:00:00Z");
        assertThat(TextType.DATE_TIME_WITH_TIMEZONE.parse("2024-01-01T10:00:00"))
                .isNull();
        assertThat(TextType.DATE_TIME_WITHOUT_TIMEZONE
                        .parse("2024-01-01 10:00:00.5")
                        .asString())
                .isEqualTo("2024-01-01T10:00:00.5");
        assertThat(TextType.DATE_TIME_WITHOUT_TIMEZONE.parse("2024-01-01T10:00:00Z"))
                .isNull();
        assertThat(TextType.TIME_WITHOUT_TIMEZONE.parse("10:30").asString()).isEqualTo("10:30:00");
        assertThat(TextType.TIME_WITH_TIMEZONE.parse("10:30:15+01:00").asString())
                .isEqualTo("10:30:15+01:00");
    }

    @Test
    void parsesJsonTextIntoObjectsAndArrays() {
        assertThat(TextType.OBJECT.parse("{\"a\": 1}")).isEqualTo(JSON.readTree("{\"a\": 1}"));
        assertThat(TextType.OBJECT.parse("[1]")).isNull();
        assertThat(TextType.ARRAY.parse("[1, 2]")).isEqualTo(JSON.readTree("[1, 2]"));
        assertThat(TextType.ARRAY.parse("[1, 2")).isNull();
    }

    @Test
    void keepsStringsExactlyAsWritten() {
        assertThat(TextType.STRING.parse("  padded ").asString()).isEqualTo("  padded ");
    }

    @ParameterizedTest(name = "{0} declares {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"type\": \"integer\"}|INTEGER",
                "{\"type\": [\"null\", \"integer\"]}|INTEGER",
                "{\"type\": \"number\", \"airbyte_type\": \"integer\"}|INTEGER",
                "{\"type\": [\"number\", \"null\"]}|NUMBER",
                "{\"type\": \"boolean\"}|BOOLEAN",
                "{\"type\": \"string\", \"format\": \"date\"}|DATE",
                "{\"type\": \"string\", \"format\": \"date-time\"}|DATE_TIME_WITH_TIMEZONE",
                "{\"type\": \"string\", \"format\": \"date-time\", \"airbyte_type\": \"timestamp_without_timezone\"}|DATE_TIME_WITHOUT_TIMEZONE",
                "{\"type\": \"string\", \"format\": \"time\"}|TIME_WITHOUT_TIMEZONE",
                "{\"type\": \"string\", \"format\": \"time\", \"airbyte_type\": \"time_with_timezone\"}|TIME_WITH_TIMEZONE",
                "{\"type\": \"object\"}|OBJECT",
                "{\"type\": [\"null\", \"array\"], \"items\": {}}|ARRAY",
                "{\"type\": [\"null\", \"string\", \"integer\"]}|STRING",
                "{}|STRING",
                "{\"type\": \"weird\"}|STRING"
            })
    void readsTheTypeASchemaDeclares(String schema, TextType expected) {
        assertThat(TextType.of(JSON.readTree(schema))).isEqualTo(expected);
    }

    @Test
    void roundTripsEveryTypeThroughItsSchema() {
        for (TextType type : TextType.values()) {
            assertThat(TextType.of(type.schema())).as(type.name()).isEqualTo(type);
        }
    }
}
