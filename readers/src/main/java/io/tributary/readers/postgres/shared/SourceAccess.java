package io.tributary.readers.postgres.shared;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.postgres.PostgresConnectionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * What change data capture ({@code io.tributary.readers.postgres.cdc}) needs of the PostgreSQL
 * source's table reader, so that both turn values into records the same way: sessions with the
 * same settings (also for replication connections, whose values arrive as text), table metadata
 * through the same type mapping, and the resumable full read that makes the initial snapshot.
 *
 * <p>An interface below both packages, implemented by the source: the source creates the change
 * capture reader and the change capture reader uses the source's reading, without the two
 * packages depending on each other.
 */
public interface SourceAccess {

    PostgresConnectionConfig connection();

    /** The schema of a stream: its namespace, else the first configured schema. */
    String schemaOf(ConfiguredStream stream);

    /**
     * A query session as the table reader uses (auto-commit on).
     *
     * @throws PostgresConnectionException when the server cannot be reached or refuses the login
     */
    Connection openSession();

    /**
     * A logical replication connection ({@code replication=database}, simple query protocol) whose
     * walsender prints values as a query session does.
     *
     * @throws PostgresConnectionException when the server cannot be reached, refuses the login, or the
     *     user may not replicate ({@link PostgresConnectionException.Kind#PRIVILEGE})
     */
    Connection openReplicationSession();

    /**
     * A table's columns, each with the decoder of its text form, and its primary key; empty when
     * the table does not exist or the user may not read it.
     */
    Optional<TableColumns> table(Connection connection, String schema, String name) throws SQLException;

    /**
     * A resumable full read of {@code stream}'s table (by primary key, else by ctid ranges) in one
     * REPEATABLE READ transaction whose first statement is {@code start}: importing an exported
     * snapshot, for example. Properties of the stream's schema that start with {@code _ab_cdc_} are
     * not columns and are not read.
     */
    ItemStreamReader<SourceRecord> snapshotReader(ConfiguredStream stream, TransactionStart start);

    /** The first statement of a read transaction, run before anything else reads in it. */
    @FunctionalInterface
    interface TransactionStart {
        void begin(Connection connection) throws SQLException;
    }

    /**
     * A table's columns in table order with the decoders of their text forms (as a walsender prints
     * them), and its primary key columns in key order.
     */
    record TableColumns(
            String schema, String name, Map<String, Function<String, JsonNode>> decoders, List<String> primaryKey) {

        public TableColumns {
            decoders = Collections.unmodifiableMap(new LinkedHashMap<>(decoders));
            primaryKey = List.copyOf(primaryKey);
        }
    }
}
