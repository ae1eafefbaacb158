package io.tributary.normalization.convert;

/**
 * Turns a record's value (a typed value or a JSON node, see
 * {@link io.tributary.connector.record.RecordValues}) into the Java type of one column's {@link io.tributary.connector.schema.ColumnType}.
 * Made once per column when a stream is planned; stateless and thread-safe.
 */
@FunctionalInterface
public interface ValueConverter {

    /**
     * @param value a present, non-null value: typed, or a JSON node that is not JSON null
     * @param issues told when the value does not fit: the converter then returns {@code null}
     *        ({@link ValueIssues#nulled}) or an adjusted value ({@link ValueIssues#truncated})
     * @return the value in the column's Java type, or {@code null} when it does not fit
     */
    Object convert(Object value, ValueIssues issues);
}
