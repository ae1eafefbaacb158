package io.tributary.readers.mysql;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.ReadAheadSafe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads one MySQL/MariaDB table or view as a stream of typed records, resumably.
 *
 * <p>{@link #open} connects (a connection of its own: Connector/J streams a result only while
 * nothing else runs on the connection), looks the table up, plans a {@link MySqlType.ColumnReader}
 * per column once, and chooses the {@link MySqlScan}: by key, by row order, or by cursor for
 * incremental streams. The scan's one statement streams {@value MySqlScan#FETCH_SIZE} rows per round
 * trip, so a table of any size reads in a fixed heap; it is one consistent InnoDB read. Each
 * {@link #read} costs one getter per column. {@link ReadAheadSafe}: {@link #update} only saves the
 * scan's position.
 */
final class MySqlStreamReader implements ItemStreamReader<SourceRecord>, ReadAheadSafe {

    private final MySqlSourceSettings settings;
    private final ConfiguredStream stream;
    private final Map<String, Object> previousSync;

    private Connection connection;
    private MySqlScan scan;
    private String dataColumns;
    private RecordSchema recordSchema;
    private MySqlType.ColumnReader[] readers;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean done;
    private String tableName;

    MySqlStreamReader(MySqlSourceSettings settings, ConfiguredStream stream, Map<String, Object> previousSync) {
        this.settings = settings;
        this.stream = stream;
        this.previousSync = previousSync == null ? Map.of() : previousSync;
    }

    @Override
    public void open(ExecutionContext context) {
        String database = stream.stream().namespace() == null
                ? settings.database()
                : stream.stream().namespace();
        tableName = database + "." + stream.name();
        try {
            connection = MySqlSession.open(settings);
            MySqlIntrospection introspection = new MySqlIntrospection(connection);
            MySqlTable table = introspection.table(database, stream.name());
            if (table == null || !introspection.readable(table)) {
                throw new ItemStreamException("MySQL source " + settings.address() + ": table or view " + tableName
                        + " does not exist, or user '" + settings.username() + "' may not read it; re-run discover, or "
                        + "GRANT SELECT ON " + table(database) + " TO '" + settings.username() + "'@'%'");
            }
            List<MySqlColumn> columns = selectedColumns(table);
            plan(columns);
            scan = chooseScan(table, columns);
            scan.restore(context, previousSync);
        } catch (SQLException e) {
            close();
            throw failure("MySQL source: cannot open " + tableName + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String table(String database) {
        return MySqlTable.quote(database) + "." + MySqlTable.quote(stream.name());
    }

    /** The catalog's columns, in table order; a column the catalog names but the table lost is an error. */
    private List<MySqlColumn> selectedColumns(MySqlTable table) {
        JsonNode properties = stream.stream().jsonSchema().path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return table.columns();
        }
        List<String> missing = new ArrayList<>();
        for (String name : properties.propertyNames()) {
            if (table.column(name).isEmpty() && !name.startsWith("_ab_cdc_")) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ItemStreamException("MySQL source: " + tableName + " no longer has column(s) " + missing
                    + " that the configured catalog lists; re-run discover and update the connection");
        }
        return table.columns().stream().filter(c -> properties.has(c.name())).toList();
    }

    private void plan(List<MySqlColumn> columns) {
        String[] fields = new String[columns.size()];
        readers = new MySqlType.ColumnReader[columns.size()];
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            MySqlColumn c = columns.get(i);
            fields[i] = c.name();
            readers[i] = c.type().reader();
            select.append(i > 0 ? ", " : "").append(c.type().selectExpression("r." + c.quoted()));
        }
        dataColumns = select.length() == 0 ? "1" : select.toString();
        recordSchema = RecordSchema.of(List.of(fields));
    }

    private MySqlScan chooseScan(MySqlTable table, List<MySqlColumn> columns) {
        String key = stream.name();
        if (stream.syncMode() == SyncMode.INCREMENTAL) {
            return new MySqlCursorScan(table, cursorColumn(table), columns, key);
        }
        if (!table.rowKey().isEmpty()) {
            return new MySqlKeyScan(table, columns.size(), key);
        }
        return new MySqlRowOrderScan(table, columns.size(), key);
    }

    private MySqlColumn cursorColumn(MySqlTable table) {
        List<String> field = MySqlSource.cursorField(stream);
        List<String> candidates = table.columns().stream()
                .filter(c -> c.type().kind().canBeCursor())
                .map(MySqlColumn::name)
                .toList();
        MySqlColumn cursor = table.column(field.get(0))
                .orElseThrow(
                        () -> new ConfigException("streams." + stream.name() + ".cursor_field: column '" + field.get(0)
                                + "' does not exist in " + tableName + "; columns that can be cursors: " + candidates));
        if (!cursor.type().kind().canBeCursor()) {
            throw new ConfigException("streams." + stream.name() + ".cursor_field: column '" + cursor.name() + "' of "
                    + tableName + " has type " + cursor.type().columnType()
                    + ", which a saved cursor value cannot order "
                    + "exactly; use one of " + candidates);
        }
        return cursor;
    }

    @Override
    public SourceRecord read() {
        if (done) {
            return null;
        }
        try {
            while (true) {
                if (rows == null) {
                    statement = scan.nextStatement(connection, dataColumns);
                    if (statement == null) {
                        done = true;
                        return null;
                    }
                    rows = statement.executeQuery();
                }
                if (!rows.next()) {
                    closeStatement();
                    continue;
                }
                if (scan.accept(rows)) {
                    Object[] values = new Object[readers.length];
                    for (int i = 0; i < readers.length; i++) {
                        values[i] = readers[i].read(rows, i + 1);
                    }
                    return SourceRecord.typed(recordSchema, values, System.currentTimeMillis());
                }
            }
        } catch (SQLException e) {
            throw failure("MySQL source: reading " + tableName + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A failure whose message is the one to show: the driver's error is attached as suppressed, not as
     * the cause, because sync results report an error's root cause.
     */
    private static ItemStreamException failure(String message, SQLException e) {
        ItemStreamException failure = new ItemStreamException(message);
        failure.addSuppressed(e);
        return failure;
    }

    @Override
    public void update(ExecutionContext context) {
        if (scan != null) {
            scan.save(context);
        }
    }

    private void closeStatement() throws SQLException {
        try {
            if (rows != null) {
                rows.close();
            }
            if (statement != null) {
                statement.close();
            }
        } finally {
            rows = null;
            statement = null;
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                // Closing a half-read streaming result would first read the rest of it: abort the
                // connection instead, which drops the socket and lets the server end the query.
                if (rows != null && !done) {
                    connection.abort(Runnable::run);
                }
            } catch (SQLException ignored) {
                // closed next anyway
            }
        }
        try {
            closeStatement();
        } catch (SQLException ignored) {
            // the connection is closed next, which ends the statement anyway
        }
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
