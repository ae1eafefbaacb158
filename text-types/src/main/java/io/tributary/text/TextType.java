package io.tributary.text;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * What a piece of text (a CSV cell, a query parameter) means as a typed JSON value: the type a
 * value looks like ({@link #detect(String)}, used by inference), the value it becomes under a
 * declared type ({@link #parse(String)}, used by readers), and the schema that declares the type
 * ({@link #schema()}, {@link #of(JsonNode)}).
 *
 * <p>Values follow the record conventions: integers are 64-bit, numbers are decimals (never
 * doubles), dates and times are ISO-8601 strings. Detection is deliberately stricter than parsing:
 * {@code 007} is detected as text (leading zeros usually mean an identifier such as a zip code) but
 * parses as 7 in a column declared integer.
 */
public enum TextType {
    STRING("string", null, null, "text"),
    INTEGER("integer", null, null, "an integer"),
    NUMBER("number", null, null, "a number"),
    BOOLEAN("boolean", null, null, "true or false"),
    DATE("string", "date", null, "a date (YYYY-MM-DD)"),
    DATE_TIME_WITH_TIMEZONE(
            "string",
            "date-time",
            "timestamp_with_timezone",
            "a date-time with a time zone offset (YYYY-MM-DDThh:mm:ss+hh:mm)"),
    DATE_TIME_WITHOUT_TIMEZONE(
            "string", "date-time", "timestamp_without_timezone", "a date-time without time zone (YYYY-MM-DDThh:mm:ss)"),
    TIME_WITH_TIMEZONE("string", "time", "time_with_timezone", "a time with a time zone offset (hh:mm:ss+hh:mm)"),
    TIME_WITHOUT_TIMEZONE("string", "time", "time_without_timezone", "a time without time zone (hh:mm:ss)"),
    OBJECT("object", null, null, "a JSON object"),
    ARRAY("array", null, null, "a JSON array");

    /** Bounds the work an exponent such as {@code 1E999999999} can cause. */
    private static final int MAX_INTEGER_DIGITS = 1000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final Pattern NUMBER_TEXT = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");
    private static final String TIME_PART = "[0-9]{2}:[0-9]{2}(:[0-9]{2}([.,][0-9]{1,9})?)?";
    private static final String OFFSET_PART = "([zZ]|[+-][0-9]{2}(:?[0-9]{2}(:?[0-9]{2})?)?)?";
    private static final Pattern DATE_TIME_TEXT =
            Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}[tT ]" + TIME_PART + OFFSET_PART);
    private static final Pattern TIME_TEXT = Pattern.compile(TIME_PART + OFFSET_PART);

    private final String jsonType;
    private final String format;
    private final String airbyteType;
    private final String description;

    TextType(String jsonType, String format, String airbyteType, String description) {
        this.jsonType = jsonType;
        this.format = format;
        this.airbyteType = airbyteType;
        this.description = description;
    }

    /** What a value of this type looks like, for messages: "an integer", "a date (YYYY-MM-DD)". */
    public String description() {
        return description;
    }

    /**
     * The most specific type {@code text} looks like: {@link #INTEGER} (fits 64 bits, no leading
     * zeros), {@link #NUMBER} (JSON number syntax), {@link #BOOLEAN} ({@code true}/{@code false}, any
     * case), {@link #DATE}, {@link #DATE_TIME_WITH_TIMEZONE}, {@link #DATE_TIME_WITHOUT_TIMEZONE};
     * otherwise {@link #STRING}. Times of day are not detected: {@code 10:30} is as often a score or
     * a ratio as a time.
     */
    public static TextType detect(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return STRING;
        }
        char first = t.charAt(0);
        if (first == '-' || (first >= '0' && first <= '9')) {
            if (isIntegerText(t)) {
                return t.length() <= 20 && fitsLong(t) ? INTEGER : NUMBER;
            }
            if (NUMBER_TEXT.matcher(t).matches()) {
                return NUMBER;
            }
            return detectFormat(t);
        }
        if (t.equalsIgnoreCase("true") || t.equalsIgnoreCase("false")) {
            return BOOLEAN;
        }
        return STRING;
    }

    /**
     * The string format {@code text} has, for values that are already JSON strings: {@link #DATE},
     * {@link #DATE_TIME_WITH_TIMEZONE}, {@link #DATE_TIME_WITHOUT_TIMEZONE}, otherwise
     * {@link #STRING}.
     */
    public static TextType detectFormat(String text) {
        String t = text.trim();
        if (t.length() < 10 || !Character.isDigit(t.charAt(0))) {
            return STRING;
        }
        if (DATE.parse(t) != null) {
            return DATE;
        }
        if (DATE_TIME_WITH_TIMEZONE.parse(t) != null) {
            return DATE_TIME_WITH_TIMEZONE;
        }
        if (DATE_TIME_WITHOUT_TIMEZONE.parse(t) != null) {
            return DATE_TIME_WITHOUT_TIMEZONE;
        }
        return STRING;
    }

    /**
     * Whether {@code t} is written as an integer: an optional minus, then {@code 0} or digits without
     * a leading zero. By hand rather than by regex: readers ask for every value of an integer column.
     */
    private static boolean isIntegerText(String t) {
        int i = !t.isEmpty() && t.charAt(0) == '-' ? 1 : 0;
        if (i == t.length()) {
            return false;
        }
        if (t.charAt(i) == '0') {
            return t.length() == i + 1;
        }
        for (; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    private static boolean fitsLong(String t) {
        try {
            Long.parseLong(t);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * The typed JSON value {@code text} stands for under this type, or {@code null} when it does not
     * fit (the caller decides what to do with it: readers keep the text and let normalization record
     * the problem). Surrounding spaces are ignored except for {@link #STRING}.
     */
    public JsonNode parse(String text) {
        if (this == STRING) {
            return NODES.stringNode(text);
        }
        String t = text.trim();
        try {
            return switch (this) {
                case INTEGER -> parseInteger(t);
                case NUMBER -> NODES.numberNode(new BigDecimal(t));
                case BOOLEAN -> parseBoolean(t);
                case DATE -> IsoDateTimeText.isDate(t) ? NODES.stringNode(t) : null;
                case DATE_TIME_WITH_TIMEZONE, DATE_TIME_WITHOUT_TIMEZONE -> parseDateTime(t);
                case TIME_WITH_TIMEZONE, TIME_WITHOUT_TIMEZONE -> parseTime(t);
                case OBJECT, ARRAY -> parseJson(t);
                case STRING -> throw new AssertionError("handled above");
            };
        } catch (NumberFormatException | DateTimeParseException | ArithmeticException e) {
            return null;
        }
    }

    /**
     * The typed record value ({@link io.tributary.connector.record.RecordValues}) {@code text} stands
     * for under this type, or {@code null} when it does not fit, as {@link #parse} decides: a
     * {@code Long} (a {@code BigInteger} beyond 64 bits), {@code BigDecimal}, {@code Boolean},
     * {@code LocalDate}, {@code OffsetDateTime}/{@code LocalDateTime}, {@code OffsetTime}/{@code LocalTime},
     * a JSON node for objects and arrays, or the text itself.
     */
    public Object value(String text) {
        switch (this) {
            case STRING:
                return text;
            case NUMBER:
                try {
                    return new BigDecimal(text.trim());
                } catch (NumberFormatException e) {
                    return null;
                }
            default:
                break;
        }
        JsonNode node = parse(text);
        if (node == null) {
            return null;
        }
        Object typed = switch (this) {
            case DATE -> IsoTemporal.date(node.stringValue());
            case DATE_TIME_WITH_TIMEZONE -> IsoTemporal.timestampWithOffset(node.stringValue());
            case DATE_TIME_WITHOUT_TIMEZONE -> IsoTemporal.timestamp(node.stringValue());
            case TIME_WITH_TIMEZONE -> IsoTemporal.timeWithOffset(node.stringValue());
            case TIME_WITHOUT_TIMEZONE -> IsoTemporal.time(node.stringValue());
            case INTEGER -> node.canConvertToLong() ? (Object) node.longValue() : node.bigIntegerValue();
            case BOOLEAN -> node.booleanValue();
            default -> node;
        };
        return typed != null ? typed : node.stringValue();
    }

    private static JsonNode parseInteger(String t) {
        if (isIntegerText(t) && t.length() <= 20) {
            try {
                return NODES.numberNode(Long.parseLong(t));
            } catch (NumberFormatException e) {
                // beyond 64 bits: a BigInteger below
            }
        }
        // Spreadsheets export whole numbers as 1.0 or 1E3; they are integers still.
        BigDecimal d = new BigDecimal(t);
        if (d.precision() - d.scale() > MAX_INTEGER_DIGITS
                || (d.signum() != 0 && d.stripTrailingZeros().scale() > 0)) {
            return null;
        }
        BigInteger i = d.toBigIntegerExact();
        return i.bitLength() < 64 ? NODES.numberNode(i.longValue()) : NODES.numberNode(i);
    }

    private static JsonNode parseBoolean(String t) {
        return switch (t.toLowerCase(Locale.ROOT)) {
            case "true", "t", "yes", "y", "1" -> NODES.booleanNode(true);
            case "false", "f", "no", "n", "0" -> NODES.booleanNode(false);
            default -> null;
        };
    }

    private JsonNode parseDateTime(String t) {
        String canonical = IsoDateTimeText.canonical(t, this == DATE_TIME_WITH_TIMEZONE);
        return canonical != null ? NODES.stringNode(canonical) : parseDateTimeByFormatter(t);
    }

    /**
     * {@link #parseDateTime} by java.time alone: the fallback for the shapes {@link IsoDateTimeText}
     * leaves out, and the reference it is tested against.
     */
    JsonNode parseDateTimeByFormatter(String t) {
        if (!DATE_TIME_TEXT.matcher(t).matches()) {
            return null;
        }
        TemporalAccessor parsed =
                IsoTemporal.DATE_TIME_FORMAT.parseBest(t.replace(',', '.'), OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof OffsetDateTime odt) {
            return this == DATE_TIME_WITH_TIMEZONE
                    ? NODES.stringNode(odt.format(DateTimeFormatter.ISO_OFFSET_DATE_TIME))
                    : null;
        }
        LocalDateTime ldt = (LocalDateTime) parsed;
        return this == DATE_TIME_WITHOUT_TIMEZONE
                ? NODES.stringNode(ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                : null;
    }

    private JsonNode parseTime(String t) {
        if (!TIME_TEXT.matcher(t).matches()) {
            return null;
        }
        TemporalAccessor parsed =
                IsoTemporal.TIME_FORMAT.parseBest(t.replace(',', '.'), OffsetTime::from, LocalTime::from);
        if (parsed instanceof OffsetTime ot) {
            return this == TIME_WITH_TIMEZONE ? NODES.stringNode(ot.format(DateTimeFormatter.ISO_OFFSET_TIME)) : null;
        }
        LocalTime lt = (LocalTime) parsed;
        return this == TIME_WITHOUT_TIMEZONE ? NODES.stringNode(lt.format(DateTimeFormatter.ISO_LOCAL_TIME)) : null;
    }

    private JsonNode parseJson(String t) {
        try {
            JsonNode node = JSON.readTree(t);
            return (this == OBJECT ? node.isObject() : node.isArray()) ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The property schema declaring this type, nullable: {@code {"type":["null","integer"]}}. */
    public ObjectNode schema() {
        ObjectNode schema = NODES.objectNode();
        schema.putArray("type").add("null").add(jsonType);
        if (format != null) {
            schema.put("format", format);
        }
        if (airbyteType != null) {
            schema.put("airbyte_type", airbyteType);
        }
        return schema;
    }

    /**
     * The type a property schema declares. Reads {@code type} (a name or a union with
     * {@code "null"}), {@code format} and {@code airbyte_type}; a union of several non-null types,
     * a missing type or an unknown one is {@link #STRING}. A {@code date-time} without
     * {@code airbyte_type} has a time zone (Airbyte's default); a {@code time} has none.
     */
    public static TextType of(JsonNode propertySchema) {
        String type = null;
        JsonNode declared = propertySchema.path("type");
        if (declared.isString()) {
            type = declared.asString();
        } else if (declared.isArray()) {
            for (JsonNode t : declared) {
                if (!"null".equals(t.asString())) {
                    if (type != null) {
                        return STRING;
                    }
                    type = t.asString();
                }
            }
        }
        String airbyteType = propertySchema.path("airbyte_type").asString("");
        if (type == null) {
            return STRING;
        }
        return switch (type) {
            case "integer" -> INTEGER;
            case "number" -> airbyteType.equals("integer") ? INTEGER : NUMBER;
            case "boolean" -> BOOLEAN;
            case "object" -> OBJECT;
            case "array" -> ARRAY;
            case "string" ->
                switch (propertySchema.path("format").asString("")) {
                    case "date" -> DATE;
                    case "date-time" ->
                        airbyteType.equals("timestamp_without_timezone")
                                ? DATE_TIME_WITHOUT_TIMEZONE
                                : DATE_TIME_WITH_TIMEZONE;
                    case "time" ->
                        airbyteType.equals("time_with_timezone") ? TIME_WITH_TIMEZONE : TIME_WITHOUT_TIMEZONE;
                    default -> STRING;
                };
            default -> STRING;
        };
    }

    /**
     * The narrowest type both {@code a} and {@code b} fit: the same type, {@link #NUMBER} for an
     * integer and a number, otherwise {@link #STRING}.
     */
    public static TextType widen(TextType a, TextType b) {
        if (a == b) {
            return a;
        }
        if ((a == INTEGER && b == NUMBER) || (a == NUMBER && b == INTEGER)) {
            return NUMBER;
        }
        return STRING;
    }
}
