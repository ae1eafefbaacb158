package io.tributary.readers.mysql;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.text.JsonSchemaInference;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The MySQL / MariaDB source ({@code mysql}): the tables and views of one database as streams,
 * read in full (ordered by primary key, by row order without one) or incrementally by a cursor
 * column. A user with SELECT on the database's tables is enough. Settings carry Airbyte's MySQL
 * source names; change data capture from the binlog ({@code replication_method: CDC}) is not
 * supported yet and says so.
 */
public final class MySqlSource implements Source {

    /** How many values of a JSON column discover reads to infer its schema. */
    static final int JSON_SAMPLE = 1000;

    @Override
    public String type() {
        return "mysql";
    }

    @Override
    public ConfigSpec spec() {
        return MySqlSourceSettings.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        MySqlSourceSettings settings;
        try {
            settings = MySqlSourceSettings.from(config);
            refuseCdc(settings);
        } catch (ConfigException e) {
            return CheckResult.failure(e.getMessage());
        }
        try (Connection c = MySqlSession.open(settings)) {
            return checkTables(c, settings);
        } catch (MySqlConnectionException e) {
            return CheckResult.failure(e.getMessage());
        } catch (SQLException e) {
            return CheckResult.failure("MySQL at " + settings.address() + ": " + e.getMessage());
        }
    }

    private static void refuseCdc(MySqlSourceSettings settings) {
        if (settings.replicationMethod() == MySqlSourceSettings.ReplicationMethod.CDC) {
            throw new ConfigException(
                    "replication_method: CDC (reading changes from the binlog) is not yet supported by "
                            + "the mysql source; use STANDARD, which reads incremental streams by a cursor column");
        }
    }

    private static CheckResult checkTables(Connection c, MySqlSourceSettings settings) throws SQLException {
        MySqlIntrospection introspection = new MySqlIntrospection(c);
        List<String> unreadable = new ArrayList<>();
        int readable = 0;
        for (MySqlTable table : introspection.tables(settings.database())) {
            if (introspection.readable(table)) {
                readable++;
            } else {
                unreadable.add(table.name());
            }
        }
        String user = "'" + settings.username() + "'";
        if (readable == 0 && !unreadable.isEmpty()) {
            return CheckResult.failure("MySQL at " + settings.address() + ": user " + user + " may not read any of the "
                    + unreadable.size() + " tables and views in '" + settings.database() + "' (e.g. "
                    + unreadable.get(0)
                    + "); run GRANT SELECT ON `" + settings.database() + "`.* TO " + user + "@'%'");
        }
        DatabaseMetaData meta = c.getMetaData();
        String message =
                "Connected to " + meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion() + " at "
                        + settings.address() + " as " + user + "; " + readable + " readable tables and views in '"
                        + settings.database() + "'";
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
        MySqlSourceSettings settings = MySqlSourceSettings.from(config);
        try (Connection c = MySqlSession.open(settings)) {
            MySqlIntrospection introspection = new MySqlIntrospection(c);
            List<Stream> streams = new ArrayList<>();
            for (MySqlTable table : introspection.tables(settings.database())) {
                if (introspection.readable(table)) {
                    streams.add(stream(c, table));
                }
            }
            return new Catalog(streams);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "MySQL source " + settings.address() + ": discover failed: " + e.getMessage(), e);
        }
    }

    private static Stream stream(Connection c, MySqlTable table) throws SQLException {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        List<String> cursorCandidates = new ArrayList<>();
        for (MySqlColumn column : table.columns()) {
            ObjectNode property = column.type().jsonSchema(column.nullable());
            if (column.type().kind() == MySqlTypeKind.JSON) {
                sampleJson(c, table, column, property);
            }
            properties.set(column.name(), property);
            if (column.type().kind().canBeCursor()) {
                cursorCandidates.add(column.name());
            }
        }
        return new Stream(
                table.name(),
                table.database(),
                schema,
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of(),
                table.primaryKey().stream().map(List::of).toList(),
                cursorCandidates);
    }

    /**
     * Gives a JSON column the schema inferred from its first {@value #JSON_SAMPLE} non-null values, so
     * that normalization flattens its documents into columns; a column without values stays "any JSON".
     */
    private static void sampleJson(Connection c, MySqlTable table, MySqlColumn column, ObjectNode property)
            throws SQLException {
        JsonSchemaInference inference =
                JsonSchemaInference.builder().maxSamples(JSON_SAMPLE).build();
        MySqlType.ColumnReader reader = column.type().reader();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT " + column.quoted() + " FROM " + table.sqlName() + " WHERE "
                        + column.quoted() + " IS NOT NULL LIMIT " + JSON_SAMPLE)) {
            while (rs.next() && inference.wantsMore()) {
                if (reader.read(rs, 1) instanceof JsonNode value) {
                    inference.accept(value);
                }
            }
        }
        if (inference.sampled() > 0) {
            property.removeAll();
            property.setAll(inference.schema());
        }
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        MySqlSourceSettings settings = MySqlSourceSettings.from(config);
        refuseCdc(settings);
        if (stream.syncMode() == SyncMode.INCREMENTAL) {
            cursorField(stream);
        }
        return new MySqlStreamReader(settings, stream, previousSync);
    }

    /**
     * The incremental cursor: the configured one, else the stream's default.
     *
     * @throws ConfigException when there is none, or it is a nested path
     */
    static List<String> cursorField(ConfiguredStream stream) {
        return stream.cursorColumn("MySQL");
    }
}
