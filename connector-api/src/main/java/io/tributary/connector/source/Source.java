package io.tributary.connector.source;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * A source connector: the four protocol verbs. Implementations are found by {@link #type()} through
 * {@link java.util.ServiceLoader}, so a jar that lists one in
 * {@code META-INF/services/io.tributary.connector.source.Source} adds a connector.
 */
public interface Source {

    /** The type name used in connection files, e.g. {@code file} or {@code postgres}. */
    String type();

    /** The configuration this source takes. */
    ConfigSpec spec();

    /**
     * The settings a source defined by a file (a declarative source's manifest) asks for, as JSON
     * Schema; empty for a source that is not defined by a file. {@code tributary spec TYPE --manifest FILE}
     * prints it.
     *
     * @throws io.tributary.connector.config.ConfigException when the file cannot be read or is not a definition
     */
    default Optional<ObjectNode> definitionSpec(Path definition) {
        return Optional.empty();
    }

    /** Tests the configuration against the real system; never throws for a reachable problem. */
    CheckResult check(ConnectorConfig config);

    /** The streams this source offers, with their schemas and keys. */
    Catalog discover(ConnectorConfig config);

    /**
     * A reader for one stream. Its position is saved in the step's {@code ExecutionContext} in
     * {@code update} and restored in {@code open}, so a restarted step continues after the last
     * committed chunk.
     *
     * @param previousSync the state the same stream committed in the previous sync of this connection
     *     (for example the incremental cursor), empty on the first sync; full-refresh readers ignore it
     */
    ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync);
}
