package io.tributary.readers.postgres;

/**
 * A column of a table or view as discovered.
 *
 * @param notNull whether the column is declared {@code NOT NULL} (never for views)
 */
record PostgresColumn(String name, PostgresType type, boolean notNull) {}
