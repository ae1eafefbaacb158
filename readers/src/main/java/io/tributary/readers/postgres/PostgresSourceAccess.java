package io.tributary.readers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.record.SourceRecord;
import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.readers.postgres.shared.SourceAccess;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.JsonNode;

/**
 * The source's side of {@link SourceAccess}: change data capture reads through the table reader's
 * sessions, type mapping and full read. ({@code PostgresSourceAccess.TransactionStart} and
 * {@code .TableColumns} are the interface's nested types, inherited.)
 */
final class PostgresSourceAccess implements SourceAccess {

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

    @Override
    public PostgresConnectionConfig connection() {
        return config.connection();
    }

    @Override
    public String schemaOf(ConfiguredStream stream) {
        return stream.stream().namespace() == null
                ? config.schemas().get(0)
                : stream.stream().namespace();
    }

    @Override
    public Connection openSession() {
        return PostgresSession.open(config.connection());
    }

    @Override
    public Connection openReplicationSession() {
        PostgresConnectionConfig c = config.connection();
        Properties p = c.properties(PostgresSession.APPLICATION + "-cdc");
        p.setProperty("replication", "database");
        p.setProperty("preferQueryMode", "simple");
        p.setProperty("assumeMinServerVersion", "10");
        String userOptions = p.getProperty("options");
        p.setProperty(
                "options",
                userOptions == null || userOptions.isBlank()
                        ? REPLICATION_OPTIONS
                        : userOptions + " " + REPLICATION_OPTIONS);
        try {
            return DriverManager.getConnection(c.jdbcUrl(), p);
        } catch (SQLException e) {
            throw PostgresConnectionException.classify(e, c);
        }
    }

    @Override
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

    @Override
    public ItemStreamReader<SourceRecord> snapshotReader(ConfiguredStream stream, TransactionStart start) {
        return new PostgresStreamReader(config, stream, Map.of(), CtidRangeScan.PAGES_PER_RANGE, start);
    }
}
