package io.tributary.readers.mysql;

/**
 * What the reader does with a family of MySQL/MariaDB column types: how the column is selected, the
 * JSON Schema it gets and the Java type of its record values (see {@link MySqlType}).
 */
enum MySqlTypeKind {
    /** tinyint, smallint, mediumint, int (signed or not) and signed bigint: {@code Long}. */
    INTEGER,
    /** bigint unsigned: up to 2^64-1, a {@code Long} where it fits, else a {@code BigInteger}. */
    UNSIGNED_BIGINT,
    /** decimal(p,s): {@code BigDecimal} with the column's scale. */
    DECIMAL,
    /** float, double: {@code BigDecimal} of the shortest text that reads back to the same value. */
    FLOAT,
    /** tinyint(1) and bit(1): {@code Boolean}. */
    BOOLEAN,
    /** bit(n), n > 1: the bits as an unsigned number. */
    BIT,
    /** year: {@code Long}. */
    YEAR,
    /** date: {@code LocalDate}; zero dates stay text (NULLed and recorded by normalization). */
    DATE,
    /** datetime: {@code LocalDateTime} (no zone). */
    DATETIME,
    /** timestamp: {@code OffsetDateTime} in UTC (the session's time zone). */
    TIMESTAMP,
    /** time: {@code LocalTime} within a day; MySQL's durations beyond a day or negative stay text. */
    TIME,
    /** char, varchar, text and unknown types: {@code String}. */
    STRING,
    /** enum: {@code String}, one of the labels. */
    ENUM,
    /** set: {@code String}, the chosen members joined by commas, as MySQL prints them. */
    SET,
    /** json (MySQL), or longtext with a json_valid check (MariaDB): a {@code JsonNode}. */
    JSON,
    /** binary, varbinary and the blobs: {@code byte[]} (base64 in JSON). */
    BINARY,
    /** geometry and its subtypes: the WKT text. */
    SPATIAL;

    /** Whether rows can be ordered by a column of this kind in a way a saved cursor value reproduces exactly. */
    boolean canBeCursor() {
        return switch (this) {
            case INTEGER, UNSIGNED_BIGINT, DECIMAL, FLOAT, YEAR, DATE, DATETIME, TIMESTAMP, TIME -> true;
            default -> false;
        };
    }
}
