package io.tributary.connector.schema;

/**
 * The type of a column in a normalized table, and the Java type its values have in a
 * {@link TableRow}. Writers map each to their own type system (PostgreSQL, Parquet...).
 */
public enum ColumnType {
    /** {@link Boolean}. */
    BOOLEAN,
    /** {@link Long}. */
    INTEGER,
    /** {@link java.math.BigDecimal}: exact, never a double. */
    NUMBER,
    /** {@link String}. */
    STRING,
    /** {@link java.time.LocalDate}. */
    DATE,
    /** {@link java.time.LocalTime}. */
    TIME,
    /** {@link java.time.OffsetTime}. */
    TIME_TZ,
    /** {@link java.time.LocalDateTime}: a wall-clock time without zone. */
    TIMESTAMP,
    /** {@link java.time.OffsetDateTime}: an instant with the offset it was given in. */
    TIMESTAMP_TZ,
    /**
     * {@link String} holding JSON text, or a JSON tree (objects or arrays kept whole); a raw-only
     * stream's data column holds the {@link io.tributary.connector.record.SourceRecord} itself, which
     * the writer encodes once from its values.
     */
    JSON
}
