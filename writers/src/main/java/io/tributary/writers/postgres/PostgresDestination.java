package io.tributary.writers.postgres;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.destination.LoadContext;
import io.tributary.connector.destination.StreamLoader;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.source.CheckResult;
import io.tributary.postgres.PostgresConnectionException;
import io.tributary.postgres.PostgresIdentifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL destination ({@code postgres}): per stream a raw table {@code _airbyte_raw_<stream>}
 * ({@code _airbyte_ab_id} uuid, {@code _airbyte_emitted_at}, {@code _airbyte_data} jsonb) and typed
 * final tables (the stream's own and its child tables), bulk loaded with binary COPY into staging
 * tables and merged at the end of the sync in all four sync modes. With normalization mode raw only the
 * raw table is loaded (overwrite and append; append + dedup needs the typed table). The user needs
 * CREATE on the target schema (or on the database, to create the schema).
 *
 * <p>Besides the stream's tables the target schema holds, while a sync runs, its staging tables
 * {@code _tributary_<sync id>_<table>}, and for good the load state {@code _tributary_loads} (one
 * row per stream: which sync owns the staged data, chunks written, completed or not).
 */
public final class PostgresDestination implements Destination {

    private static final String APPLICATION = "tributary-destination";

    @Override
    public String type() {
        return "postgres";
    }

    @Override
    public ConfigSpec spec() {
        return PostgresDestinationConfig.SPEC;
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        PostgresDestinationConfig destination;
        try {
            destination = PostgresDestinationConfig.from(config);
        } catch (ConfigException e) {
            return CheckResult.failure(e.getMessage());
        }
        String where = "PostgreSQL at " + destination.connection().address();
        try (Connection c = connect(destination)) {
            // try what a sync does, then undo it
            ensureSchema(c, destination.schema());
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + PostgresIdentifiers.qualified(destination.schema(), "_tributary_check")
                        + " (id int)");
            }
            String version = c.getMetaData().getDatabaseProductVersion();
            c.rollback();
            return CheckResult.success("Connected to PostgreSQL " + version + " at "
                    + destination.connection().address()
                    + " as '" + destination.connection().username() + "'; it may create tables in schema '"
                    + destination.schema() + "'");
        } catch (PostgresConnectionException e) {
            return CheckResult.failure(e.getMessage());
        } catch (SQLException e) {
            return CheckResult.failure(where + ": " + explain(e, destination, destination.schema()));
        }
    }

    @Override
    public StreamLoader loader(
            ConnectorConfig config, ConfiguredStream stream, StreamTables tables, LoadContext context) {
        PostgresDestinationConfig destination = PostgresDestinationConfig.from(config);
        LoadPlan plan = LoadPlan.of(destination, stream, tables, context.syncId());
        return new PostgresStreamLoader(destination, stream.name(), plan, tables, context);
    }

    /**
     * A connection for loading: auto-commit off, and commits that are durable before they return
     * (a chunk the job repository counts as loaded must survive a server crash).
     */
    static Connection connect(PostgresDestinationConfig config) throws SQLException {
        Connection c = config.connection().connect(APPLICATION);
        try (Statement s = c.createStatement()) {
            s.execute("SET synchronous_commit = on; SET TimeZone = 'UTC'");
            c.setAutoCommit(false);
            return c;
        } catch (SQLException e) {
            c.close();
            throw e;
        }
    }

    /** Creates the schema when it does not exist (and only then, so CREATE on the database is not needed for an existing one). */
    static void ensureSchema(Connection c, String schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return;
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA IF NOT EXISTS " + PostgresIdentifiers.quote(schema));
        }
    }

    /** A server error in words that say what to fix; privilege errors name the GRANT that is missing. */
    static String explain(SQLException e, PostgresDestinationConfig config, String schema) {
        String user = PostgresIdentifiers.quote(config.connection().username());
        if ("42501".equals(e.getSQLState())) {
            String message = e.getMessage() == null ? "" : e.getMessage();
            if (message.contains("permission denied for database")) {
                return "user " + user + " may not create schema '" + schema + "' (" + message
                        + "); create the schema, or run " + "GRANT CREATE ON DATABASE "
                        + PostgresIdentifiers.quote(config.connection().database()) + " TO " + user;
            }
            if (message.contains("permission denied for table") || message.contains("must be owner")) {
                return "user " + user + " may not change a table in schema '" + schema + "' that another user created ("
                        + message + "); load with the user that owns the stream's tables, or hand them over with "
                        + "ALTER TABLE ... OWNER TO " + user;
            }
            return "user " + user + " may not create tables in schema '" + schema + "' (" + message
                    + "); run GRANT USAGE, " + "CREATE ON SCHEMA " + PostgresIdentifiers.quote(schema) + " TO " + user;
        }
        return e.getMessage() + (e.getSQLState() == null ? "" : " (SQLSTATE " + e.getSQLState() + ")");
    }
}
