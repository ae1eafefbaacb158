package io.tributary.normalization.convert;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.schema.ColumnType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

class ColumnConvertersTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Issues issues = new Issues();

    @Test
    void convertsIntegersFromNumbersAndNumericText() {
        assertThat(convert(ColumnType.INTEGER, "42")).isEqualTo(42L);
        assertThat(convert(ColumnType.INTEGER, "-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
        assertThat(convert(ColumnType.INTEGER, "5.0")).isEqualTo(5L);
        assertThat(convert(ColumnType.INTEGER, "\" 17 \"")).isEqualTo(17L);
        assertThat(convert(ColumnType.INTEGER, "\"1e3\"")).isEqualTo(1000L);
        assertThat(convert(ColumnType.INTEGER, JsonNodeFactory.instance.numberNode(new BigDecimal("12.000"))))
                .isEqualTo(12L);
        assertThat(issues.changes).isEmpty();
    }

    @Test
    void nullsIntegersThatDoNotFit() {
        assertThat(convert(ColumnType.INTEGER, "\"abc\"")).isNull();
        assertThat(convert(ColumnType.INTEGER, "1.5")).isNull();
        assertThat(convert(ColumnType.INTEGER, "9223372036854775808")).isNull();
        assertThat(convert(ColumnType.INTEGER, "\"9999999999999999999\"")).isNull();
        assertThat(convert(ColumnType.INTEGER, "true")).isNull();
        assertThat(convert(ColumnType.INTEGER, "{\"a\": 1}")).isNull();
        assertThat(issues.changes)
                .containsExactly(
                        "NULLED expected an integer, found the string \"abc\"",
                        "NULLED expected an integer, found the fractional number 1.5",
                        "NULLED integer 9223372036854775808 is outside the 64-bit range",
                        "NULLED integer 9999999999999999999 is outside the 64-bit range",
                        "NULLED expected an integer, found the boolean true",
                        "NULLED expected an integer, found an object");
    }

    @Test
    void convertsNumbersExactly() {
        assertThat(convert(ColumnType.NUMBER, JsonNodeFactory.instance.numberNode(new BigDecimal("0.10"))))
                .isEqualTo(new BigDecimal("0.10"));
        assertThat(convert(ColumnType.NUMBER, "7")).isEqualTo(new BigDecimal("7"));
        assertThat(convert(ColumnType.NUMBER, "\"-3.25\"")).isEqualTo(new BigDecimal("-3.25"));
        assertThat(convert(ColumnType.NUMBER, "\"NaN\"")).isNull();
        assertThat(convert(ColumnType.NUMBER, JsonNodeFactory.instance.numberNode(Double.POSITIVE_INFINITY)))
                .isNull();
        assertThat(issues.changes)
                .containsExactly(
                        "NULLED expected a number, found the string \"NaN\"",
                        "NULLED expected a number, found the number Infinity");
    }

    @Test
    void setsBoundedNumbersToTheColumnsScale() {
        ValueConverter money = ColumnConverters.forColumn(ColumnType.NUMBER, 6, 2);
        assertThat(money.convert(node("12.5"), issues)).isEqualTo(new BigDecimal("12.50"));
        assertThat(money.convert(node("9999.99"), issues)).isEqualTo(new BigDecimal("9999.99"));
        assertThat(money.convert(node("0.001"), issues)).isEqualTo(new BigDecimal("0.00"));
        assertThat(money.convert(node("1.005"), issues)).isEqualTo(new BigDecimal("1.01"));
        assertThat(money.convert(node("10000"), issues)).isNull();
        assertThat(money.convert(node("9999.999"), issues)).isNull();
        assertThat(issues.changes)
                .containsExactly(
                        "TRUNCATED number 0.001 rounded to 2 decimal places",
                        "TRUNCATED number 1.005 rounded to 2 decimal places",
                        "NULLED number 10000 needs more than 6 digits with 2 after the decimal point",
                        "NULLED number 9999.999 needs more than 6 digits with 2 after the decimal point");
    }

    @Test
    void acceptsZeroInAColumnWithoutIntegerDigits() {
        ValueConverter fraction = ColumnConverters.forColumn(ColumnType.NUMBER, 2, 2);
        assertThat(fraction.convert(node("0"), issues)).isEqualTo(new BigDecimal("0.00"));
        assertThat(fraction.convert(node("0.99"), issues)).isEqualTo(new BigDecimal("0.99"));
        assertThat(fraction.convert(node("1"), issues)).isNull();
    }

    @Test
    void convertsBooleansAndTheirText() {
        assertThat(convert(ColumnType.BOOLEAN, "true")).isEqualTo(true);
        assertThat(convert(ColumnType.BOOLEAN, "\"FALSE\"")).isEqualTo(false);
        assertThat(convert(ColumnType.BOOLEAN, "1")).isNull();
        assertThat(convert(ColumnType.BOOLEAN, "\"yes\"")).isNull();
        assertThat(issues.changes).hasSize(2).allMatch(c -> c.startsWith("NULLED expected a boolean"));
    }

    @Test
    void writesAnyValueIntoAStringColumn() {
        assertThat(convert(ColumnType.STRING, "\"Ada\"")).isEqualTo("Ada");
        assertThat(convert(ColumnType.STRING, "12")).isEqualTo("12");
        assertThat(convert(ColumnType.STRING, "true")).isEqualTo("true");
        assertThat(convert(ColumnType.STRING, "{\"a\": [1, \"x\"]}")).isEqualTo("{\"a\":[1,\"x\"]}");
        assertThat(issues.changes).isEmpty();
    }

    @Test
    void writesAnyValueIntoAJsonColumnAsJsonText() {
        assertThat(convert(ColumnType.JSON, "\"Ada\"")).isEqualTo("\"Ada\"");
        assertThat(convert(ColumnType.JSON, "[1, {\"b\": null}]")).isEqualTo("[1,{\"b\":null}]");
        assertThat(convert(ColumnType.JSON, JsonNodeFactory.instance.numberNode(new BigDecimal("1.50"))))
                .isEqualTo("1.50");
    }

    @Test
    void convertsIsoDatesAndTimes() {
        assertThat(convert(ColumnType.DATE, "\"2024-02-29\"")).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(convert(ColumnType.TIME, "\"10:15:30.25\"")).isEqualTo(LocalTime.of(10, 15, 30, 250_000_000));
        assertThat(convert(ColumnType.TIME_TZ, "\"10:15:30+02:00\""))
                .isEqualTo(OffsetTime.of(10, 15, 30, 0, ZoneOffset.ofHours(2)));
        assertThat(convert(ColumnType.TIMESTAMP, "\"2024-05-01T10:15:30\""))
                .isEqualTo(LocalDateTime.of(2024, 5, 1, 10, 15, 30));
        assertThat(convert(ColumnType.TIMESTAMP_TZ, "\"2024-05-01T10:15:30.123456Z\""))
                .isEqualTo(OffsetDateTime.of(2024, 5, 1, 10, 15, 30, 123_456_000, ZoneOffset.UTC));
        assertThat(issues.changes).isEmpty();
    }

    @Test
    void nullsBadDatesAndTimes() {
        assertThat(convert(ColumnType.DATE, "\"2024-02-30\"")).isNull();
        assertThat(convert(ColumnType.DATE, "\"yesterday\"")).isNull();
        assertThat(convert(ColumnType.DATE, "20240101")).isNull();
        assertThat(convert(ColumnType.TIMESTAMP_TZ, "\"2024-05-01T25:00:00Z\"")).isNull();
        assertThat(convert(ColumnType.TIME, "\"noon\"")).isNull();
        assertThat(issues.changes)
                .containsExactly(
                        "NULLED expected an ISO-8601 date (yyyy-MM-dd), found the string \"2024-02-30\"",
                        "NULLED expected an ISO-8601 date (yyyy-MM-dd), found the string \"yesterday\"",
                        "NULLED expected an ISO-8601 date (yyyy-MM-dd), found the number 20240101",
                        "NULLED expected an ISO-8601 date-time with offset (yyyy-MM-ddTHH:mm:ssZ), found the string \"2024-05-01T25:00:00Z\"",
                        "NULLED expected an ISO-8601 time (HH:mm:ss), found the string \"noon\"");
    }

    @Test
    void shortensLongValuesInMessages() {
        convert(ColumnType.INTEGER, "\"" + "x".repeat(100) + "\"");
        assertThat(issues.changes.get(0)).endsWith("found the string \"" + "x".repeat(36) + "...");
    }

    private Object convert(ColumnType type, String json) {
        return convert(type, node(json));
    }

    private Object convert(ColumnType type, JsonNode value) {
        return ColumnConverters.forColumn(type, null, null).convert(value, issues);
    }

    private static JsonNode node(String json) {
        return JSON.readTree(json);
    }

    /** Records what converters report. */
    private static final class Issues implements ValueIssues {
        final List<String> changes = new ArrayList<>();

        @Override
        public void nulled(String message) {
            changes.add("NULLED " + message);
        }

        @Override
        public void truncated(String message) {
            changes.add("TRUNCATED " + message);
        }
    }
}
