package io.tributary.readers.mysql;

import java.util.List;
import java.util.Optional;

/**
 * A table or view the user can read.
 *
 * @param primaryKey the primary key's columns in key order; empty when there is none (always for views)
 * @param uniqueKey when there is no primary key, the columns of a unique index whose columns are all
 *     NOT NULL (InnoDB clusters such a table on it): it identifies rows just as well; else empty
 */
record MySqlTable(
        String database,
        String name,
        boolean view,
        List<MySqlColumn> columns,
        List<String> primaryKey,
        List<String> uniqueKey) {

    MySqlTable {
        columns = List.copyOf(columns);
        primaryKey = List.copyOf(primaryKey);
        uniqueKey = List.copyOf(uniqueKey);
    }

    /** The columns that identify a row for resuming a read: the primary key, else a NOT NULL unique key, else none. */
    List<String> rowKey() {
        return primaryKey.isEmpty() ? uniqueKey : primaryKey;
    }

    String qualifiedName() {
        return database + "." + name;
    }

    /** {@code `database`.`name`}, quoted for SQL. */
    String sqlName() {
        return quote(database) + "." + quote(name);
    }

    Optional<MySqlColumn> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /** An identifier quoted with backquotes, which works whatever the server's sql_mode (ANSI_QUOTES or not). */
    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }
}
