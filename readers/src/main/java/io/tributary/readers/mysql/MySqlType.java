package io.tributary.readers.mysql;

import io.tributary.text.IsoTemporal;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A column's type as discovered, with everything the reader plans once per column: the select
 * expression, the JSON Schema, the reader of typed values, and the SQL that casts a saved position
 * (cursor value, key) back to the column's type for an exact comparison.
 *
 * @param columnType {@code information_schema.COLUMNS.COLUMN_TYPE}, e.g. {@code decimal(12,2) unsigned}
 * @param precision decimal precision, or bit length for bit(n); {@code null} otherwise
 * @param scale decimal scale, or {@code null}
 * @param labels enum labels in order, empty for other types
 */
record MySqlType(MySqlTypeKind kind, String columnType, Integer precision, Integer scale, List<String> labels) {

    /** JSON text parsed with exact numbers: 1.50 stays 1.50. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    MySqlType {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }

    /**
     * The type of a column from {@code information_schema.COLUMNS}.
     *
     * @param dataType {@code DATA_TYPE}, e.g. {@code bigint}
     * @param json whether the column holds JSON (MySQL's json type, MariaDB's json_valid-checked longtext)
     */
    static MySqlType of(String dataType, String columnType, Long numericPrecision, Long numericScale, boolean json) {
        String data = dataType.toLowerCase(Locale.ROOT);
        String full = columnType.toLowerCase(Locale.ROOT);
        boolean unsigned = full.contains("unsigned");
        if (json) {
            return simple(MySqlTypeKind.JSON, columnType);
        }
        return switch (data) {
            case "tinyint" ->
                full.startsWith("tinyint(1)") && !unsigned
                        ? simple(MySqlTypeKind.BOOLEAN, columnType)
                        : simple(MySqlTypeKind.INTEGER, columnType);
            case "smallint", "mediumint", "int", "integer" -> simple(MySqlTypeKind.INTEGER, columnType);
            case "bigint" -> simple(unsigned ? MySqlTypeKind.UNSIGNED_BIGINT : MySqlTypeKind.INTEGER, columnType);
            case "decimal", "numeric" ->
                new MySqlType(
                        MySqlTypeKind.DECIMAL,
                        columnType,
                        numericPrecision == null ? null : numericPrecision.intValue(),
                        numericScale == null ? 0 : numericScale.intValue(),
                        null);
            case "float", "double", "real", "double precision" -> simple(MySqlTypeKind.FLOAT, columnType);
            case "bit" -> {
                int bits = numericPrecision == null ? 1 : numericPrecision.intValue();
                yield bits == 1
                        ? simple(MySqlTypeKind.BOOLEAN, columnType)
                        : new MySqlType(MySqlTypeKind.BIT, columnType, bits, null, null);
            }
            case "year" -> simple(MySqlTypeKind.YEAR, columnType);
            case "date" -> simple(MySqlTypeKind.DATE, columnType);
            case "datetime" -> simple(MySqlTypeKind.DATETIME, columnType);
            case "timestamp" -> simple(MySqlTypeKind.TIMESTAMP, columnType);
            case "time" -> simple(MySqlTypeKind.TIME, columnType);
            case "json" -> simple(MySqlTypeKind.JSON, columnType);
            case "enum" -> new MySqlType(MySqlTypeKind.ENUM, columnType, null, null, labels(columnType));
            case "set" -> simple(MySqlTypeKind.SET, columnType);
            case "binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob" ->
                simple(MySqlTypeKind.BINARY, columnType);
            case "geometry",
                    "point",
                    "linestring",
                    "polygon",
                    "multipoint",
                    "multilinestring",
                    "multipolygon",
                    "geometrycollection",
                    "geomcollection" -> simple(MySqlTypeKind.SPATIAL, columnType);
            default -> simple(MySqlTypeKind.STRING, columnType);
        };
    }

    private static MySqlType simple(MySqlTypeKind kind, String columnType) {
        return new MySqlType(kind, columnType, null, null, null);
    }

    /** The labels of {@code enum('a','it''s')}: quoted, with '' for a quote inside. */
    static List<String> labels(String columnType) {
        List<String> labels = new ArrayList<>();
        int i = columnType.indexOf('(') + 1;
        StringBuilder label = null;
        while (i > 0 && i < columnType.length()) {
            char c = columnType.charAt(i);
            if (label == null) {
                if (c == '\'') {
                    label = new StringBuilder();
                } else if (c == ')') {
                    break;
                }
            } else if (c == '\'') {
                if (i + 1 < columnType.length() && columnType.charAt(i + 1) == '\'') {
                    label.append('\'');
                    i++;
                } else {
                    labels.add(label.toString());
                    label = null;
                }
            } else if (c == '\\' && i + 1 < columnType.length()) {
                label.append(columnType.charAt(++i));
            } else {
                label.append(c);
            }
            i++;
        }
        return labels;
    }

    /** The JSON Schema of this column's values, as the PostgreSQL source writes the same kinds. */
    ObjectNode jsonSchema(boolean nullable) {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        String type = switch (kind) {
            case INTEGER, YEAR -> "integer";
            case UNSIGNED_BIGINT, DECIMAL, FLOAT -> "number";
            case BIT -> precision != null && precision < 64 ? "integer" : "number";
            case BOOLEAN -> "boolean";
            case JSON -> null;
            default -> "string";
        };
        if (type == null) {
            // any JSON value (object, array or scalar): kept whole as JSON by normalization
            return schema;
        }
        if (nullable) {
            schema.putArray("type").add("null").add(type);
        } else {
            schema.put("type", type);
        }
        switch (kind) {
            case DECIMAL -> {
                if (precision != null) {
                    schema.put("precision", precision);
                    schema.put("scale", scale);
                }
            }
            // 2^64-1 has 20 digits: an exact decimal column rather than a 64-bit integer that would overflow
            case UNSIGNED_BIGINT -> schema.put("precision", 20).put("scale", 0);
            case BIT -> {
                if (precision != null && precision >= 64) {
                    schema.put("precision", 20).put("scale", 0);
                }
            }
            case DATE -> schema.put("format", "date");
            case DATETIME -> schema.put("format", "date-time").put("airbyte_type", "timestamp_without_timezone");
            case TIMESTAMP -> schema.put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
            case TIME -> schema.put("format", "time").put("airbyte_type", "time_without_timezone");
            case BINARY -> schema.put("contentEncoding", "base64");
            case ENUM -> {
                ArrayNode values = schema.putArray("enum");
                labels.forEach(values::add);
                if (nullable) {
                    values.addNull();
                }
            }
            default -> {
                // the type alone says it all
            }
        }
        return schema;
    }

    /**
     * How the column is selected. Temporal values are selected as the server's text, so the driver
     * converts nothing through the JVM's zone and zero dates arrive as they are; bit and year as
     * numbers; spatial values as WKT.
     */
    String selectExpression(String quotedColumn) {
        return switch (kind) {
            case DATE, DATETIME, TIMESTAMP, TIME -> "CAST(" + quotedColumn + " AS CHAR)";
            case BIT, YEAR -> "(" + quotedColumn + " + 0)";
            case BOOLEAN ->
                columnType.toLowerCase(Locale.ROOT).startsWith("bit") ? "(" + quotedColumn + " + 0)" : quotedColumn;
            case SPATIAL -> "ST_AsText(" + quotedColumn + ")";
            default -> quotedColumn;
        };
    }

    /**
     * The SQL that turns a saved position's text (bound as a string parameter) back into a value of
     * this type, so that comparisons are exact (a bare string would compare numbers as doubles).
     */
    String castParameter() {
        return switch (kind) {
            case INTEGER, YEAR, BOOLEAN ->
                columnType.toLowerCase(Locale.ROOT).contains("unsigned") ? "CAST(? AS UNSIGNED)" : "CAST(? AS SIGNED)";
            case UNSIGNED_BIGINT, BIT -> "CAST(? AS UNSIGNED)";
            case DECIMAL ->
                "CAST(? AS DECIMAL(" + (precision == null ? 65 : precision) + "," + (scale == null ? 0 : scale) + "))";
            case FLOAT -> "CAST(? AS DOUBLE)";
            case DATE -> "CAST(? AS DATE)";
            case DATETIME, TIMESTAMP -> "CAST(? AS DATETIME(6))";
            case TIME -> "CAST(? AS TIME(6))";
            case BINARY -> "UNHEX(?)";
            default -> "?";
        };
    }

    /**
     * How the column is selected as a position (a key part or cursor value): the text that
     * {@link #castParameter()} reads back. Binary keys as hex, booleans as 0 or 1; everything else as selected.
     */
    String positionExpression(String quotedColumn) {
        return switch (kind) {
            case BINARY -> "HEX(" + quotedColumn + ")";
            case BOOLEAN -> "(" + quotedColumn + " + 0)";
            default -> selectExpression(quotedColumn);
        };
    }

    /** Whether two position texts of this type are the same value. */
    boolean sameValue(String a, String b) {
        if (a.equals(b)) {
            return true;
        }
        if (kind == MySqlTypeKind.DECIMAL || kind == MySqlTypeKind.FLOAT) {
            try {
                return new BigDecimal(a).compareTo(new BigDecimal(b)) == 0;
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return false;
    }

    /** Reads this column of the current row as a typed record value; planned once per column. */
    ColumnReader reader() {
        return switch (kind) {
            case INTEGER, YEAR ->
                (rs, i) -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v;
                };
            case BOOLEAN ->
                (rs, i) -> {
                    long v = rs.getLong(i);
                    return rs.wasNull() ? null : v != 0;
                };
            case UNSIGNED_BIGINT, BIT ->
                (rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : unsigned(s);
                };
            case DECIMAL -> ResultSet::getBigDecimal;
            case FLOAT ->
                (rs, i) -> {
                    String s = rs.getString(i);
                    return s == null ? null : new BigDecimal(s);
                };
            case DATE ->
                text(s -> {
                    LocalDate d = IsoTemporal.date(s);
                    return d != null ? d : s;
                });
            case DATETIME ->
                text(s -> {
                    LocalDateTime t = IsoTemporal.timestamp(s);
                    return t != null ? t : s;
                });
            case TIMESTAMP ->
                text(s -> {
                    LocalDateTime t = IsoTemporal.timestamp(s);
                    return t != null ? t.atOffset(ZoneOffset.UTC) : s;
                });
            case TIME ->
                text(s -> {
                    LocalTime t = s.length() >= 8 && s.charAt(2) == ':' ? IsoTemporal.time(s) : null;
                    return t != null ? t : s;
                });
            case JSON ->
                text(s -> {
                    try {
                        return JSON.readTree(s);
                    } catch (JacksonException e) {
                        return s; // not JSON after all: kept as the server's text
                    }
                });
            case BINARY -> ResultSet::getBytes;
            default -> ResultSet::getString;
        };
    }

    private static ColumnReader text(TextConverter convert) {
        return (rs, i) -> {
            String s = rs.getString(i);
            return s == null ? null : convert.apply(s);
        };
    }

    /** An unsigned integer's text as a {@code Long} where it fits, else a {@code BigInteger}. */
    static Object unsigned(String s) {
        if (s.length() < 19) {
            return Long.parseLong(s);
        }
        BigInteger big = new BigInteger(s);
        return big.compareTo(LONG_MAX) <= 0 ? (Object) big.longValue() : big;
    }

    @FunctionalInterface
    private interface TextConverter {
        Object apply(String text);
    }

    /** Reads one column of the current row as a typed record value, {@code null} for SQL NULL. */
    @FunctionalInterface
    interface ColumnReader {
        Object read(ResultSet rs, int index) throws SQLException;
    }
}
