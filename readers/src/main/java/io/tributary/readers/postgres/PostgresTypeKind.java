package io.tributary.readers.postgres;

import io.tributary.text.IsoTemporal;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.BooleanNode;
import tools.jackson.databind.node.DecimalNode;
import tools.jackson.databind.node.LongNode;
import tools.jackson.databind.node.StringNode;

/**
 * What the reader does with a family of PostgreSQL types: the JSON type it becomes and how its
 * text form turns into an exact JSON value. Numbers become {@link DecimalNode}s (never doubles),
 * times become ISO-8601 strings (with offset when the type has one), bytea becomes base64 and
 * json/jsonb become JSON trees with decimal numbers.
 */
enum PostgresTypeKind {
    INTEGER("integer"),
    NUMERIC("number"),
    /** real / double precision: PostgreSQL prints the shortest text that reads back to the same double. */
    FLOAT("number"),
    /** money is read as {@code col::numeric}: its text form depends on lc_monetary. */
    MONEY("number"),
    BOOLEAN("boolean"),
    TEXT("string"),
    DATE("string"),
    TIME("string"),
    TIMETZ("string"),
    TIMESTAMP("string"),
    TIMESTAMPTZ("string"),
    /** ISO-8601 duration text ({@code P1Y2M3DT4H}), from the session's {@code IntervalStyle=iso_8601}. */
    INTERVAL("string"),
    UUID("string"),
    JSON("object"),
    BYTEA("string"),
    ENUM("string"),
    ARRAY("array"),
    /** Everything else (inet, ranges, geometry, bit strings, xml, composites...): PostgreSQL's text form. */
    OTHER("string");

    /** json/jsonb text parsed with exact numbers: 1.50 stays 1.50. */
    static final JsonMapper JSON_MAPPER = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final Map<String, PostgresTypeKind> BUILT_IN = Map.ofEntries(
            Map.entry("int2", INTEGER),
            Map.entry("int4", INTEGER),
            Map.entry("int8", INTEGER),
            Map.entry("oid", INTEGER),
            Map.entry("numeric", NUMERIC),
            Map.entry("float4", FLOAT),
            Map.entry("float8", FLOAT),
            Map.entry("money", MONEY),
            Map.entry("bool", BOOLEAN),
            Map.entry("text", TEXT),
            Map.entry("varchar", TEXT),
            Map.entry("bpchar", TEXT),
            Map.entry("char", TEXT),
            Map.entry("name", TEXT),
            Map.entry("citext", TEXT),
            Map.entry("date", DATE),
            Map.entry("time", TIME),
            Map.entry("timetz", TIMETZ),
            Map.entry("timestamp", TIMESTAMP),
            Map.entry("timestamptz", TIMESTAMPTZ),
            Map.entry("interval", INTERVAL),
            Map.entry("uuid", UUID),
            Map.entry("json", JSON),
            Map.entry("jsonb", JSON),
            Map.entry("bytea", BYTEA));

    private final String jsonType;

    PostgresTypeKind(String jsonType) {
        this.jsonType = jsonType;
    }

    /** The kind of a base type by its {@code pg_type.typname}; unknown names are {@link #OTHER}. */
    static PostgresTypeKind ofBaseType(String typname) {
        return BUILT_IN.getOrDefault(typname, OTHER);
    }

    String jsonType() {
        return jsonType;
    }

    /** Whether rows can be ordered by a column of this kind in a way a user expects of a cursor. */
    boolean canBeCursor() {
        return switch (this) {
            case INTEGER, NUMERIC, FLOAT, MONEY, TEXT, DATE, TIME, TIMETZ, TIMESTAMP, TIMESTAMPTZ -> true;
            default -> false;
        };
    }

    /**
     * Whether two cursor texts denote the same value. Numbers compare by value ({@code 1.0} equals
     * {@code 1.00} in PostgreSQL); every other cursor type prints one text per value in the reader's session.
     */
    boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (this == NUMERIC || this == FLOAT || this == MONEY) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Converts PostgreSQL's text form of a non-null value of this kind (arrays excepted). */
    JsonNode fromText(String s) {
        return switch (this) {
            case INTEGER -> LongNode.valueOf(Long.parseLong(s));
            case NUMERIC, FLOAT -> decimal(s);
            // read as numeric by queries; logical replication prints it in the C locale: -$1,234.56
            case MONEY -> decimal(s.replace("$", "").replace(",", ""));
            case BOOLEAN -> BooleanNode.valueOf(s.equals("t") || s.equals("true"));
            case DATE -> StringNode.valueOf(PostgresTextValues.isoDate(s));
            case TIMETZ -> StringNode.valueOf(PostgresTextValues.isoTimeTz(s));
            case TIMESTAMP -> StringNode.valueOf(PostgresTextValues.isoTimestamp(s));
            case TIMESTAMPTZ -> StringNode.valueOf(PostgresTextValues.isoTimestampTz(s));
            case JSON -> JSON_MAPPER.readTree(s);
            case BYTEA -> StringNode.valueOf(Base64.getEncoder().encodeToString(hexBytes(s)));
            case ARRAY -> throw new IllegalStateException("arrays are parsed with their element type");
            default -> StringNode.valueOf(s);
        };
    }

    /**
     * Converts PostgreSQL's text form of a non-null value of this kind (arrays, json and bytea
     * excepted) into a typed record value: {@code Long}, {@code BigDecimal}, {@code Boolean},
     * {@code LocalDate}, {@code LocalDateTime}, {@code OffsetDateTime}, {@code OffsetTime}, or the
     * text itself. A value java.time cannot hold ({@code infinity}, NaN) stays the text PostgreSQL
     * printed (ISO-formatted where it has an ISO form), as the JSON form always had it.
     */
    Object typedFromText(String s) {
        return switch (this) {
            case INTEGER -> Long.parseLong(s);
            case NUMERIC, FLOAT -> decimalOrText(s);
            case MONEY -> decimalOrText(s.replace("$", "").replace(",", ""));
            case BOOLEAN -> s.equals("t") || s.equals("true");
            case DATE -> typedOrText(IsoTemporal.date(s), () -> PostgresTextValues.isoDate(s), IsoTemporal::date);
            case TIMETZ ->
                typedOrText(
                        IsoTemporal.timeWithOffset(s),
                        () -> PostgresTextValues.isoTimeTz(s),
                        IsoTemporal::timeWithOffset);
            case TIMESTAMP ->
                typedOrText(IsoTemporal.timestamp(s), () -> PostgresTextValues.isoTimestamp(s), IsoTemporal::timestamp);
            case TIMESTAMPTZ ->
                typedOrText(
                        IsoTemporal.timestampWithOffset(s),
                        () -> PostgresTextValues.isoTimestampTz(s),
                        IsoTemporal::timestampWithOffset);
            default -> s;
        };
    }

    /**
     * The value scanned from PostgreSQL's text, else from its ISO form (BC and five-digit years), else
     * that ISO text ({@code infinity}).
     */
    private static Object typedOrText(Object scanned, Supplier<String> iso, Function<String, Object> parse) {
        if (scanned != null) {
            return scanned;
        }
        String text = iso.get();
        Object parsed = parse.apply(text);
        return parsed != null ? parsed : text;
    }

    private static Object decimalOrText(String s) {
        char c = s.charAt(0);
        if (c == 'N' || c == 'I' || (c == '-' && s.length() > 1 && s.charAt(1) == 'I')) {
            return s;
        }
        return new BigDecimal(s);
    }

    /**
     * NaN and the infinities (numeric, real, double precision) have no JSON number form; they are kept as
     * the strings {@code NaN}, {@code Infinity}, {@code -Infinity} rather than dropped.
     */
    private static JsonNode decimal(String s) {
        char c = s.charAt(0);
        if (c == 'N' || c == 'I' || (c == '-' && s.length() > 1 && s.charAt(1) == 'I')) {
            return StringNode.valueOf(s);
        }
        return DecimalNode.valueOf(new BigDecimal(s));
    }

    /** bytea's hex output form, {@code \x0a0b}. */
    private static byte[] hexBytes(String s) {
        if (!s.startsWith("\\x")) {
            throw new IllegalArgumentException("Expected bytea in hex output form (bytea_output=hex), got " + s);
        }
        return HexFormat.of().parseHex(s, 2, s.length());
    }
}
