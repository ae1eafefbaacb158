package io.tributary.readers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.record.RecordSchema;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.ReadAheadSafe;
import io.tributary.postgres.PostgresIdentifiers;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.postgresql.copy.CopyManager;
import org.postgresql.copy.CopyOut;
import org.postgresql.copy.PGCopyInputStream;
import org.postgresql.core.BaseConnection;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * Reads one PostgreSQL table or view as a stream of records, resumably.
 *
 * <p>{@link #open} connects with auto-commit off in a read-only REPEATABLE READ transaction (one
 * snapshot for the whole read; pgjdbc honours the fetch size only without auto-commit, so rows
 * stream through a server-side cursor instead of filling the heap), looks the relation up, plans a
 * {@link PostgresType.ColumnReader} per column once, and chooses the {@link TableScan}: by primary
 * key, by ctid ranges, by row order, or by cursor for incremental streams. Each {@link #read} then
 * costs one typed getter per column and no reflection. {@link ReadAheadSafe}: {@link #update} only
 * saves the scan's position.
 */
final class PostgresStreamReader implements ItemStreamReader<SourceRecord>, ReadAheadSafe {

    private static final String CDC_FIELD_PREFIX = "_ab_cdc_";

    private final PostgresSourceConfig config;
    private final ConfiguredStream stream;
    private final Map<String, Object> previousSync;

    private Connection connection;
    private TableScan scan;
    private String dataColumns;
    private RecordSchema recordSchema;
    private PostgresType.ColumnReader[] readers;
    private BinaryCopyColumn[] copyColumns;
    private String copyDataColumns;
    /** The running binary COPY of a primary key scan, or {@code null}. */
    private CopyOut copy;

    private BinaryCopyRows copyRows;
    private String[] copyKey;
    private PreparedStatement statement;
    private ResultSet rows;
    private boolean done;
    private String relationName;

    private final int ctidPagesPerRange;
    private final PostgresSourceAccess.TransactionStart transactionStart;

    PostgresStreamReader(PostgresSourceConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        this(config, stream, previousSync, CtidRangeScan.PAGES_PER_RANGE);
    }

    /** With {@code ctidPagesPerRange} pages per ctid range (tests use small ranges to cross range boundaries). */
    PostgresStreamReader(
            PostgresSourceConfig config,
            ConfiguredStream stream,
            Map<String, Object> previousSync,
            int ctidPagesPerRange) {
        this(config, stream, previousSync, ctidPagesPerRange, null);
    }

    /**
     * @param transactionStart the first statement of the read transaction (CDC imports the slot's
     *     exported snapshot with it), or {@code null}
     */
    PostgresStreamReader(
            PostgresSourceConfig config,
            ConfiguredStream stream,
            Map<String, Object> previousSync,
            int ctidPagesPerRange,
            PostgresSourceAccess.TransactionStart transactionStart) {
        this.config = config;
        this.stream = stream;
        this.previousSync = previousSync == null ? Map.of() : previousSync;
        this.ctidPagesPerRange = ctidPagesPerRange;
        this.transactionStart = transactionStart;
    }

    @Override
    public void open(ExecutionContext context) {
        String schema = stream.stream().namespace() == null
                ? config.schemas().get(0)
                : stream.stream().namespace();
        relationName = schema + "." + stream.name();
        try {
            connection = PostgresSession.open(config.connection());
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            if (transactionStart != null) {
                transactionStart.begin(connection);
            }
            PostgresRelation relation = new PostgresIntrospection(connection).relation(schema, stream.name());
            if (relation == null) {
                throw new ItemStreamException(
                        "PostgreSQL source " + config.connection().address() + ": table or view "
                                + relationName + " does not exist, or user '"
                                + config.connection().username()
                                + "' may not read it; re-run discover, or GRANT SELECT ON " + relation(schema) + " TO "
                                + PostgresIdentifiers.quote(config.connection().username()));
            }
            List<PostgresColumn> columns = selectedColumns(relation);
            plan(columns);
            scan = chooseScan(relation, columns.size());
            scan.restore(context, previousSync);
        } catch (SQLException e) {
            close();
            throw failure("PostgreSQL source: cannot open " + relationName + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private String relation(String schema) {
        return PostgresIdentifiers.qualified(schema, stream.name());
    }

    /**
     * The catalog's columns, in table order; a column the catalog names but the table lost is an error.
     * The change-capture fields CDC adds to a schema ({@code _ab_cdc_*}) are not columns.
     */
    private List<PostgresColumn> selectedColumns(PostgresRelation relation) {
        JsonNode properties = stream.stream().jsonSchema().path("properties");
        if (!properties.isObject() || properties.isEmpty()) {
            return relation.columns();
        }
        List<String> missing = new ArrayList<>();
        for (String name : properties.propertyNames()) {
            if (relation.column(name).isEmpty() && !name.startsWith(CDC_FIELD_PREFIX)) {
                missing.add(name);
            }
        }
        if (!missing.isEmpty()) {
            throw new ItemStreamException("PostgreSQL source: " + relationName + " no longer has column(s) " + missing
                    + " that the configured catalog lists; re-run discover and update the connection");
        }
        return relation.columns().stream().filter(c -> properties.has(c.name())).toList();
    }

    private void plan(List<PostgresColumn> columns) {
        String[] fields = new String[columns.size()];
        readers = new PostgresType.ColumnReader[columns.size()];
        copyColumns = new BinaryCopyColumn[columns.size()];
        StringBuilder copySelect = new StringBuilder();
        StringBuilder select = new StringBuilder();
        for (int i = 0; i < columns.size(); i++) {
            PostgresColumn c = columns.get(i);
            fields[i] = c.name();
            readers[i] = c.type().reader();
            copyColumns[i] = BinaryCopyColumn.of(c.type(), "r." + PostgresIdentifiers.quote(c.name()));
            if (i > 0) {
                select.append(", ");
                copySelect.append(", ");
            }
            copySelect.append(copyColumns[i].selectExpression());
            select.append(c.type().selectExpression("r." + PostgresIdentifiers.quote(c.name())));
        }
        dataColumns = select.length() == 0 ? "1" : select.toString();
        copyDataColumns = copySelect.length() == 0 ? "1" : copySelect.toString();
        recordSchema = RecordSchema.of(List.of(fields));
    }

    private TableScan chooseScan(PostgresRelation relation, int dataColumnCount) {
        String key = stream.name();
        int fetch = config.fetchSize();
        if (stream.syncMode() == SyncMode.INCREMENTAL) {
            return new CursorScan(relation, cursorColumn(relation), dataColumnCount, fetch, key);
        }
        if (!relation.primaryKey().isEmpty()) {
            return new PrimaryKeyScan(relation, dataColumnCount, fetch, key);
        }
        if (relation.hasCtid()) {
            return new CtidRangeScan(relation, dataColumnCount, fetch, key, ctidPagesPerRange);
        }
        return new RowOrderScan(relation, fetch, key);
    }

    private PostgresColumn cursorColumn(PostgresRelation relation) {
        List<String> field = PostgresSource.cursorField(stream);
        List<String> candidates = relation.columns().stream()
                .filter(c -> c.type().kind().canBeCursor())
                .map(PostgresColumn::name)
                .toList();
        PostgresColumn cursor = relation.column(field.get(0))
                .orElseThrow(() -> new ConfigException(
                        "streams." + stream.name() + ".cursor_field: column '" + field.get(0) + "' does not exist in "
                                + relationName + "; columns that can be cursors: " + candidates));
        if (!cursor.type().kind().canBeCursor()) {
            throw new ConfigException("streams." + stream.name() + ".cursor_field: column '" + cursor.name() + "' of "
                    + relationName + " has type " + cursor.type().sqlName() + ", which does not order rows; use one of "
                    + candidates);
        }
        return cursor;
    }

    @Override
    public SourceRecord read() {
        if (done) {
            return null;
        }
        if (scan instanceof PrimaryKeyScan keyScan && copyColumns.length > 0) {
            return readCopy(keyScan);
        }
        try {
            while (true) {
                if (rows == null) {
                    statement = scan.nextStatement(connection, dataColumns);
                    if (statement == null) {
                        finish();
                        return null;
                    }
                    rows = statement.executeQuery();
                }
                if (!rows.next()) {
                    closeStatement();
                    continue;
                }
                if (scan.accept(rows)) {
                    return record(rows);
                }
            }
        } catch (SQLException e) {
            throw failure("PostgreSQL source: reading " + relationName + " failed: " + e.getMessage(), e);
        }
    }

    /**
     * A full refresh by primary key reads as one binary COPY of the remaining key range: PostgreSQL
     * sends each value in its binary form and nothing is parsed from text on either side, which is
     * what {@code COPY TO STDOUT} is the limit of. The position is the last row's key, as for the
     * cursor read, so a restart continues after the last committed key.
     */
    private SourceRecord readCopy(PrimaryKeyScan keyScan) {
        try {
            if (copy == null) {
                copy = new CopyManager(connection.unwrap(BaseConnection.class))
                        .copyOut(keyScan.copyStatement(copyDataColumns));
                copyRows = new BinaryCopyRows(new PGCopyInputStream(copy));
                copyKey = new String[keyScan.keyColumnCount()];
            }
            if (!copyRows.nextRow(copyColumns.length + copyKey.length)) {
                copy = null;
                finish();
                return null;
            }
            Object[] values = new Object[copyColumns.length];
            for (int i = 0; i < values.length; i++) {
                values[i] = copyColumns[i].read(copyRows);
            }
            for (int i = 0; i < copyKey.length; i++) {
                copyRows.nextField();
                copyKey[i] = copyRows.text();
            }
            keyScan.acceptKey(copyKey);
            return SourceRecord.typed(recordSchema, values, System.currentTimeMillis());
        } catch (SQLException e) {
            throw failure("PostgreSQL source: reading " + relationName + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            SQLException cause = e.getCause() instanceof SQLException sql ? sql : new SQLException(e.getMessage(), e);
            throw failure("PostgreSQL source: reading " + relationName + " failed: " + cause.getMessage(), cause);
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

    private SourceRecord record(ResultSet rs) throws SQLException {
        Object[] values = new Object[readers.length];
        for (int i = 0; i < readers.length; i++) {
            values[i] = readers[i].read(rs, i + 1);
        }
        return SourceRecord.typed(recordSchema, values, System.currentTimeMillis());
    }

    /** Ends the read transaction as soon as the last row is read, so the snapshot is not held longer. */
    private void finish() throws SQLException {
        done = true;
        connection.commit();
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
        if (copy != null) {
            try {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            } catch (SQLException ignored) {
                // the connection is closed next, which ends the COPY anyway
            }
            copy = null;
        }
        try {
            closeStatement();
        } catch (SQLException ignored) {
            // the connection is closed next, which releases the cursor anyway
        }
        if (connection != null) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // nothing was written; closing ends the transaction
            }
            try {
                connection.close();
            } catch (SQLException ignored) {
                // already broken
            }
            connection = null;
        }
    }
}
