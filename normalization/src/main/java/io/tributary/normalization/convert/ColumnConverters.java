package io.tributary.normalization.convert;

import io.tributary.connector.record.RecordValues;
import io.tributary.connector.schema.ColumnType;
import io.tributary.text.IsoTemporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.util.Locale;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;

/**
 * The {@link ValueConverter} of each {@link ColumnType}. What fits:
 * <ul>
 *   <li>INTEGER ({@link Long}): integral numbers in the 64-bit range, decimals without a fractional
 *       part ({@code 5.0}), and strings holding such a number.</li>
 *   <li>NUMBER ({@link BigDecimal}): any finite number or numeric string. With a precision, values
 *       are set to the column's scale (rounding half up, reported as truncated when digits are lost)
 *       and NULLED when their integer part needs more than {@code precision - scale} digits.</li>
 *   <li>BOOLEAN: booleans and the strings {@code true}/{@code false} in any case.</li>
 *   <li>STRING: strings as they are, other scalars as their JSON text, objects and arrays as JSON.</li>
 *   <li>DATE, TIME, TIME_TZ, TIMESTAMP, TIMESTAMP_TZ: ISO-8601 strings, see {@link IsoTemporal}.</li>
 *   <li>JSON: any value, as compact JSON text.</li>
 * </ul>
 * Anything else is NULLED with a message saying what was expected and what was found.
 */
public final class ColumnConverters {

    private static final BigInteger LONG_MIN = BigInteger.valueOf(Long.MIN_VALUE);
    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private ColumnConverters() {}

    /** The converter of a column; {@code precision}/{@code scale} only matter for NUMBER. */
    public static ValueConverter forColumn(ColumnType type, Integer precision, Integer scale) {
        // A value the source typed as the column's Java type passes as it is; anything else takes the
        // JSON path, so a typed value converts exactly as its JSON form would.
        return switch (type) {
            case BOOLEAN -> typed(Boolean.class, ColumnConverters::toBoolean);
            case INTEGER ->
                (value, issues) -> value instanceof Long
                        ? value
                        : value instanceof Integer i ? (Object) i.longValue() : toLong(node(value), issues);
            case NUMBER ->
                precision == null
                        ? (value, issues) -> value instanceof BigDecimal
                                ? value
                                : value instanceof Long l ? BigDecimal.valueOf(l) : toDecimal(node(value), issues)
                        : new BoundedDecimal(precision, scale == null ? 0 : scale);
            case STRING ->
                (value, issues) -> value instanceof String
                        ? value
                        : value instanceof JsonNode node ? toText(node, issues) : RecordValues.text(value);
            case DATE -> typed(LocalDate.class, temporal("an ISO-8601 date (yyyy-MM-dd)", IsoTemporal::date));
            case TIME -> typed(LocalTime.class, temporal("an ISO-8601 time (HH:mm:ss)", IsoTemporal::time));
            case TIME_TZ ->
                typed(
                        OffsetTime.class,
                        temporal("an ISO-8601 time with offset (HH:mm:ss+HH:MM)", IsoTemporal::timeWithOffset));
            case TIMESTAMP ->
                typed(
                        LocalDateTime.class,
                        temporal("an ISO-8601 date-time (yyyy-MM-ddTHH:mm:ss)", IsoTemporal::timestamp));
            case TIMESTAMP_TZ ->
                typed(
                        OffsetDateTime.class,
                        temporal(
                                "an ISO-8601 date-time with offset (yyyy-MM-ddTHH:mm:ssZ)",
                                IsoTemporal::timestampWithOffset));
            case JSON -> (value, issues) -> node(value).toString();
        };
    }

    /** Converts a JSON value (the path of values a source did not type as the column's type). */
    @FunctionalInterface
    private interface JsonConverter {
        Object convert(JsonNode value, ValueIssues issues);
    }

    private static ValueConverter typed(Class<?> javaType, JsonConverter json) {
        return (value, issues) -> javaType.isInstance(value) ? value : json.convert(node(value), issues);
    }

    private static JsonNode node(Object value) {
        return value instanceof JsonNode node ? node : RecordValues.toNode(value);
    }

    private static Object toBoolean(JsonNode value, ValueIssues issues) {
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isString()) {
            String text = value.stringValue().trim();
            if (text.equalsIgnoreCase("true")) {
                return Boolean.TRUE;
            }
            if (text.equalsIgnoreCase("false")) {
                return Boolean.FALSE;
            }
        }
        return mismatch(issues, "a boolean", value);
    }

    private static Object toLong(JsonNode value, ValueIssues issues) {
        if (value.isIntegralNumber()) {
            if (value.canConvertToLong()) {
                return value.longValue();
            }
            issues.nulled("integer " + value.asString() + " is outside the 64-bit range");
            return null;
        }
        BigDecimal decimal;
        if (value.isNumber()) {
            decimal = finiteDecimal(value);
        } else if (value.isString()) {
            String text = value.stringValue().trim();
            Long parsed = parseLong(text);
            if (parsed != null) {
                return parsed;
            }
            decimal = parseDecimal(text);
        } else {
            return mismatch(issues, "an integer", value);
        }
        if (decimal == null) {
            return mismatch(issues, "an integer", value);
        }
        if (decimal.signum() != 0 && decimal.stripTrailingZeros().scale() > 0) {
            issues.nulled("expected an integer, found the fractional number " + decimal.toPlainString());
            return null;
        }
        BigInteger integer = decimal.toBigInteger();
        if (integer.compareTo(LONG_MIN) < 0 || integer.compareTo(LONG_MAX) > 0) {
            issues.nulled("integer " + integer + " is outside the 64-bit range");
            return null;
        }
        return integer.longValue();
    }

    private static Object toDecimal(JsonNode value, ValueIssues issues) {
        BigDecimal decimal = decimalOf(value);
        return decimal == null ? mismatch(issues, "a number", value) : decimal;
    }

    private static BigDecimal decimalOf(JsonNode value) {
        if (value.isNumber()) {
            return finiteDecimal(value);
        }
        if (value.isString()) {
            return parseDecimal(value.stringValue().trim());
        }
        return null;
    }

    private static Object toText(JsonNode value, ValueIssues issues) {
        if (value.isString()) {
            return value.stringValue();
        }
        return value.isContainer() ? value.toString() : value.asString();
    }

    private static JsonConverter temporal(String expected, Function<String, Object> parser) {
        return (value, issues) -> {
            Object parsed = value.isString() ? parser.apply(value.stringValue()) : null;
            return parsed != null ? parsed : mismatch(issues, expected, value);
        };
    }

    /** NUMBER with a declared precision and scale. */
    private record BoundedDecimal(int precision, int scale) implements ValueConverter {
        @Override
        public Object convert(Object value, ValueIssues issues) {
            BigDecimal decimal = value instanceof BigDecimal d
                    ? d
                    : value instanceof Long l ? BigDecimal.valueOf(l) : decimalOf(node(value));
            if (decimal == null) {
                return mismatch(issues, "a number", node(value));
            }
            BigDecimal scaled = decimal.setScale(scale, RoundingMode.HALF_UP);
            if (scaled.signum() != 0 && scaled.precision() > precision) {
                issues.nulled("number " + decimal.toPlainString() + " needs more than " + precision + " digits with "
                        + scale + " after the decimal point");
                return null;
            }
            if (scaled.compareTo(decimal) != 0) {
                issues.truncated("number " + decimal.toPlainString() + " rounded to " + scale + " decimal places");
            }
            return scaled;
        }
    }

    private static Object mismatch(ValueIssues issues, String expected, JsonNode value) {
        issues.nulled("expected " + expected + ", found " + describe(value));
        return null;
    }

    /** What kind of JSON value a node is ("an object", "a string"...), for messages. */
    public static String kindOf(JsonNode value) {
        if (value.isObject()) {
            return "an object";
        }
        if (value.isArray()) {
            return "an array";
        }
        if (value.isString()) {
            return "a string";
        }
        if (value.isBoolean()) {
            return "a boolean";
        }
        return value.isNumber() ? "a number" : "a " + value.getNodeType().name().toLowerCase(Locale.ROOT);
    }

    /** What a value is, without repeating long values (the raw record keeps them). */
    private static String describe(JsonNode value) {
        if (value.isContainer()) {
            return kindOf(value);
        }
        String text = value.isString() ? value.toString() : value.asString();
        String kind = value.isString() ? "the string " : value.isBoolean() ? "the boolean " : "the number ";
        return kind + (text.length() > 40 ? text.substring(0, 37) + "..." : text);
    }

    private static BigDecimal finiteDecimal(JsonNode number) {
        if (number.isFloatingPointNumber()
                && (Double.isNaN(number.doubleValue()) || Double.isInfinite(number.doubleValue()))) {
            return null;
        }
        return number.decimalValue();
    }

    private static Long parseLong(String text) {
        int length = text.length();
        if (length == 0 || length > 19) {
            return null;
        }
        int start = text.charAt(0) == '-' || text.charAt(0) == '+' ? 1 : 0;
        if (start == length) {
            return null;
        }
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return null;
            }
        }
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return null; // 19 digits beyond Long.MAX_VALUE
        }
    }

    private static BigDecimal parseDecimal(String text) {
        try {
            return new BigDecimal(text);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
