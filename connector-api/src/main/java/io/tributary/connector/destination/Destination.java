package io.tributary.connector.destination;

import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.naming.NamingConvention;
import io.tributary.connector.schema.StreamTables;
import io.tributary.connector.source.CheckResult;

/**
 * A destination connector. Found by {@link #type()} through {@link java.util.ServiceLoader}
 * ({@code META-INF/services/io.tributary.connector.destination.Destination}).
 */
public interface Destination {

    /** The type name used in connection files, e.g. {@code local} or {@code postgres}. */
    String type();

    ConfigSpec spec();

    CheckResult check(ConnectorConfig config);

    /** How this destination spells table and column names; normalization names tables with it. */
    default NamingConvention naming() {
        return NamingConvention.FILES;
    }

    /**
     * A loader for one stream in its destination sync mode.
     *
     * @param tables the tables the stream normalizes into, its own first
     * @throws io.tributary.connector.config.ConfigException when the mode is not supported for this stream
     */
    StreamLoader loader(ConnectorConfig config, ConfiguredStream stream, StreamTables tables, LoadContext context);
}
