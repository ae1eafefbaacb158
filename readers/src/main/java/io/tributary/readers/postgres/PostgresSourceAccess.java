package io.tributary.readers.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.postgres.PostgresConnectionException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * What the PostgreSQL source's change data capture ({@code io.tributary.readers.postgres.cdc})
 * shares with its table reader, so that both turn values into records the same way: sessions with
 * the same settings (also for replication connections, whose values arrive as text), table metadata
 * through the same type mapping, and the resumable full read that makes the initial snapshot.
 */
public final class PostgresSourceAccess {

    /**
     * The session settings of {@link PostgresSession}, as startup options, so that a walsender prints
     * values exactly as a query session does; money in the C locale ({@code $1,234.56}).
     */
    private static final String REPLICATION_OPTIONS = "-c DateStyle=ISO,YMD -c TimeZone=UTC -c IntervalStyle=iso_8601 "
            + "-c extra_float_digits=3 -c bytea_output=hex -c lc_monetary=C";

    private final PostgresSourceConfig config;

    PostgresSourceAccess(PostgresSourceConfig config) {
        this.config = config;
    }

    public PostgresConnectionConfig connection() {
        return config.connection();
    }

    /** The schema of a stream: its namespace, else the first configured schema. */
    public String schemaOf(ConfiguredStream stream) {
        return stream.stream().namespace() == null ? config.schemas().get(0) : stream.stream().namespace();
    }

    /**
     * A query session as the table reader uses (auto-commit on).
     *
     * @throws PostgresConnectionException when the server cannot be reached or refuses the login
     */
    public Connection openSession() {
        return PostgresSession.open(config.connection());
    }

    /**
     * A logical replication connection ({@code replication=database}, simple query protocol) whose
     * walsender prints values as a query session does.
     *
     * @throws PostgresConnectionException when the server cannot be reached, refuses the login, or the
     *     user may not replicate ({@link PostgresConnectionException.Kind#PRIVILEGE})
     */
    public Connection openReplicationSession() {
        PostgresConnectionConfig c = config.connection();
        Properties p = c.properties(PostgresSession.APPLICATION + "-cdc");
        p.setProperty("replication", "database");
        p.setProperty("preferQueryMode", "simple");
        p.setProperty("assumeMinServerVersion", "10");
        String userOptions = p.getProperty("options");
        p.setProperty("options", userOptions == null || userOptions.isBlank() ? REPLICATION_OPTIONS
                : userOptions + " " + REPLICATION_OPTIONS);
        try {
            return DriverManager.getConnection(c.jdbcUrl(), p);
        } catch (SQLException e) {
            throw PostgresConnectionException.classify(e, c);
        }
    }

    /**
     * A table's columns, each with the decoder of its text form, and its primary key; empty when
     * the table does not exist or the user may not read it.
     */
    public Optional<TableColumns> table(Connection connection, String schema, String name) throws SQLException {
        PostgresRelation relation = new PostgresIntrospection(connection).relation(schema, name);
        if (relation == null) {
            return Optional.empty();
        }
        Map<String, Function<String, JsonNode>> decoders = new LinkedHashMap<>();
        for (PostgresColumn column : relation.columns()) {
            decoders.put(column.name(), column.type().textConverter());
        }
        return Optional.of(new TableColumns(relation.schema(), relation.name(), decoders, relation.primaryKey()));
    }

    /**
     * A resumable full read of {@code stream}'s table (by primary key, else by ctid ranges) in one
     * REPEATABLE READ transaction whose first statement is {@code start}: importing an exported
     * snapshot, for example. Properties of the stream's schema that start with {@code _ab_cdc_} are
     * not columns and are not read.
     */
    public ItemStreamReader<SourceRecord> snapshotReader(ConfiguredStream stream, TransactionStart start) {
        return new PostgresStreamReader(config, stream, Map.of(), CtidRangeScan.PAGES_PER_RANGE, start);
    }

    /** The first statement of a read transaction, run before anything else reads in it. */
    @FunctionalInterface
    public interface TransactionStart {
        void begin(Connection connection) throws SQLException;
    }

    /**
     * A table's columns in table order with the decoders of their text forms (as a walsender prints
     * them), and its primary key columns in key order.
     */
    public record TableColumns(String schema, String name, Map<String, Function<String, JsonNode>> decoders,
            List<String> primaryKey) {

        public TableColumns {
            decoders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(decoders));
            primaryKey = List.copyOf(primaryKey);
        }
    }
}
