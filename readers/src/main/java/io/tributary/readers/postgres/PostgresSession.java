package io.tributary.readers.postgres;

import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.postgres.PostgresConnectionException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Opens source connections with the session settings the value conversions rely on. */
final class PostgresSession {

    static final String APPLICATION = "tributary-source";

    private PostgresSession() {}

    /**
     * A connection whose session prints ISO dates, timestamps in UTC, ISO-8601 intervals, floats
     * that read back to the same double and hex bytea, and never closes a cursor that waits idle in
     * its transaction for a slow destination.
     *
     * @throws PostgresConnectionException when the server cannot be reached or refuses the login
     */
    static Connection open(PostgresConnectionConfig config) {
        Connection c = config.connect(APPLICATION);
        try (Statement s = c.createStatement()) {
            s.execute(
                    "SET DateStyle = 'ISO, YMD'; SET TimeZone = 'UTC'; SET IntervalStyle = 'iso_8601'; "
                            + "SET extra_float_digits = 3; SET bytea_output = 'hex'; SET idle_in_transaction_session_timeout = 0");
            return c;
        } catch (SQLException e) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the first failure is the one to report
            }
            throw PostgresConnectionException.classify(e, config);
        }
    }
}
