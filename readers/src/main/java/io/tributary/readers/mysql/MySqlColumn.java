package io.tributary.readers.mysql;

/**
 * A column of a table or view as discovered.
 *
 * @param nullable whether the column may hold NULL ({@code IS_NULLABLE}; views report their base columns')
 */
record MySqlColumn(String name, MySqlType type, boolean nullable) {

    /** The column quoted for SQL: {@code `name`}, with backquotes doubled. */
    String quoted() {
        return MySqlTable.quote(name);
    }
}
