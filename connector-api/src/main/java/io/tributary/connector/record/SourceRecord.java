package io.tributary.connector.record;

import java.util.Objects;

import tools.jackson.databind.node.ObjectNode;

/**
 * One record read from a source stream: the record's data as a JSON object and when it was read.
 *
 * <p>Values keep their exact meaning: numbers with a fractional part are decimals (not doubles),
 * date-times are ISO-8601 strings with their offset, and a missing field differs from a JSON null.
 *
 * @param emittedAt epoch milliseconds, as the Airbyte protocol's {@code emitted_at}
 */
public record SourceRecord(ObjectNode data, long emittedAt) {

    public SourceRecord {
        Objects.requireNonNull(data, "data");
    }
}
