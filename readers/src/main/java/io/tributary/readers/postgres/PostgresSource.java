package io.tributary.readers.postgres;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.readers.postgres.cdc.CdcCatalog;
import io.tributary.readers.postgres.cdc.CdcCheck;
import io.tributary.readers.postgres.cdc.PostgresCdcReader;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The PostgreSQL source ({@code postgres}): tables and views of chosen schemas as streams, read in
 * full (ordered by primary key, by ctid ranges without one) or incrementally by a cursor column.
 * A user with CONNECT, USAGE on the schemas and SELECT on the tables is enough. With
 * {@code replication_method: cdc}, incremental streams capture changes through logical replication
 * instead ({@link PostgresCdcReader}).
 */
public final class PostgresSource implements Source {

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public ConfigSpec spec() {
        return PostgresSourceConfig.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        PostgresSourceConfig source;
        try {
            source = PostgresSourceConfig.from(config);
        } catch (ConfigException e) {
            return CheckResult.failure(e.getMessage());
        }
        try (Connection c = PostgresSession.open(source.connection())) {
            CheckResult result = checkSchemas(c, source);
            if (result.succeeded() && source.cdc() != null) {
                return CdcCheck.check(c, source.connection(), source.cdc(), source.schemas(), result.message());
            }
            return result;
        } catch (PostgresConnectionException e) {
            return CheckResult.failure(e.getMessage());
        } catch (SQLException e) {
            return CheckResult.failure("PostgreSQL at " + source.connection().address() + ": " + e.getMessage());
        }
    }

    private static CheckResult checkSchemas(Connection c, PostgresSourceConfig source) throws SQLException {
        String user = source.connection().username();
        String where = "PostgreSQL at " + source.connection().address();
        Map<String, Boolean> usage = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT nspname, has_schema_privilege(oid, 'USAGE') FROM pg_namespace WHERE nspname = ANY (?)")) {
            ps.setArray(1, c.createArrayOf("text", source.schemas().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    usage.put(rs.getString(1), rs.getBoolean(2));
                }
            }
        }
        List<String> problems = new ArrayList<>();
        for (String schema : source.schemas()) {
            if (!usage.containsKey(schema)) {
                problems.add("schema '" + schema + "' does not exist in database '"
                        + source.connection().database() + "' (check schemas; names are case-sensitive)");
            } else if (!usage.get(schema)) {
                problems.add("user '" + user + "' lacks USAGE on schema '" + schema + "'; run GRANT USAGE ON SCHEMA "
                        + PostgresIdentifiers.quote(schema) + " TO " + PostgresIdentifiers.quote(user));
            }
        }
        if (!problems.isEmpty()) {
            return CheckResult.failure(where + ": " + String.join("; ", problems));
        }
        int readable = 0;
        List<String> unreadable = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT n.nspname || '.' || c.relname, has_table_privilege(c.oid, 'SELECT')
                  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                 WHERE n.nspname = ANY (?) AND c.relkind IN ('r', 'p', 'v', 'm', 'f') AND NOT c.relispartition
                 ORDER BY 1""")) {
            ps.setArray(1, c.createArrayOf("text", source.schemas().toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getBoolean(2)) {
                        readable++;
                    } else {
                        unreadable.add(rs.getString(1));
                    }
                }
            }
        }
        if (readable == 0 && !unreadable.isEmpty()) {
            return CheckResult.failure(where + ": user '" + user + "' may not read any of the " + unreadable.size()
                    + " tables and views in " + source.schemas() + " (e.g. " + unreadable.get(0)
                    + "); run GRANT SELECT ON ALL TABLES IN SCHEMA <schema> TO " + PostgresIdentifiers.quote(user));
        }
        DatabaseMetaData meta = c.getMetaData();
        String message = "Connected to PostgreSQL " + meta.getDatabaseProductVersion() + " at "
                + source.connection().address() + " as '" + user + "'; " + readable + " readable tables and views in "
                + source.schemas();
        if (!unreadable.isEmpty()) {
            message += "; not readable (no SELECT privilege, left out of discover): "
                    + (unreadable.size() > 10
                            ? unreadable.subList(0, 10) + " and " + (unreadable.size() - 10) + " more"
                            : unreadable);
        }
        return CheckResult.success(message);
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        PostgresSourceConfig source = PostgresSourceConfig.from(config);
        try (Connection c = PostgresSession.open(source.connection())) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            List<PostgresRelation> relations = new PostgresIntrospection(c).relations(source.schemas());
            JsonSampleSchemas samples = new JsonSampleSchemas(c);
            List<Stream> streams = new ArrayList<>();
            for (PostgresRelation relation : relations) {
                streams.add(stream(relation, samples));
            }
            if (source.cdc() != null) {
                streams = CdcCatalog.decorate(c, source.schemas(), streams);
            }
            c.rollback();
            return new Catalog(streams);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "PostgreSQL source " + source.connection().address() + ": discover failed: " + e.getMessage(), e);
        }
    }

    private static Stream stream(PostgresRelation relation, JsonSampleSchemas samples) throws SQLException {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        List<String> cursorCandidates = new ArrayList<>();
        for (PostgresColumn column : relation.columns()) {
            ObjectNode property = column.type().jsonSchema(!column.notNull());
            if (column.type().kind() == PostgresTypeKind.JSON) {
                samples.refine(relation, column, property);
            }
            properties.set(column.name(), property);
            if (column.type().kind().canBeCursor()) {
                cursorCandidates.add(column.name());
            }
        }
        return new Stream(
                relation.name(),
                relation.schema(),
                schema,
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of(),
                relation.primaryKey().stream().map(List::of).toList(),
                cursorCandidates);
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        PostgresSourceConfig source = PostgresSourceConfig.from(config);
        if (stream.syncMode() == SyncMode.INCREMENTAL && source.cdc() != null) {
            if (stream.destinationSyncMode() == DestinationSyncMode.OVERWRITE) {
                throw new ConfigException(
                        "streams." + stream.name() + ".destination_sync_mode: overwrite would replace the "
                                + "table by the changes of one sync; change capture needs append (every change kept) or append_dedup "
                                + "(one row per key, deletes applied)");
            }
            return new PostgresCdcReader(new PostgresSourceAccess(source), source.cdc(), stream, previousSync);
        }
        if (stream.syncMode() == SyncMode.INCREMENTAL) {
            cursorField(stream);
        }
        return new PostgresStreamReader(source, stream, previousSync);
    }

    /**
     * The incremental cursor: the configured one, else the stream's default.
     *
     * @throws ConfigException when there is none, or it is a nested path
     */
    static List<String> cursorField(ConfiguredStream stream) {
        return stream.cursorColumn("PostgreSQL");
    }
}
