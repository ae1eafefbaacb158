package io.tributary.connector.schema;

import io.tributary.connector.record.SourceRecord;
import java.util.List;

/**
 * A source record after normalization: the original record (for raw tables) and the rows it
 * became, its stream's own row first, then rows of child tables.
 *
 * @param abId the record's {@code _airbyte_ab_id}, a UUID string
 */
public record NormalizedRecord(SourceRecord source, String abId, List<TableRow> rows) {}
