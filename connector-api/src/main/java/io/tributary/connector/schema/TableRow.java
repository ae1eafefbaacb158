package io.tributary.connector.schema;

/**
 * One row of a normalized table. {@code values[i]} belongs to {@code table.columns().get(i)} and has
 * the Java type its {@link ColumnType} names, or is {@code null}.
 */
public record TableRow(TableSchema table, Object[] values) {}
