package io.tributary.readers.postgres.cdc;

import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.node.ObjectNode;

/**
 * What CDC changes in the catalog: a capturable table's incremental mode is change capture, with a
 * source-defined cursor ({@value #LSN}) and the three Airbyte CDC fields in its schema; other
 * relations (views, tables without a usable replica identity) offer full refresh only.
 */
public final class CdcCatalog {

    /** The WAL position of the change, an integer; for rows of the initial snapshot a lower bound of every later change. */
    public static final String LSN = "_ab_cdc_lsn";
    /** When the change committed (ISO-8601, UTC); for snapshot rows, when the snapshot was taken. */
    public static final String UPDATED_AT = "_ab_cdc_updated_at";
    /** When the row was deleted, else null. A record with it and without any column is a TRUNCATE. */
    public static final String DELETED_AT = "_ab_cdc_deleted_at";

    private CdcCatalog() {}

    /** The discovered streams of {@code schemas}, marked for change capture. */
    public static List<Stream> decorate(Connection c, List<String> schemas, List<Stream> streams) throws SQLException {
        Map<String, TableIdentity> identities = TableIdentity.inSchemas(c, schemas);
        List<Stream> out = new ArrayList<>(streams.size());
        for (Stream s : streams) {
            TableIdentity identity = identities.get(s.namespace() + "." + s.name());
            if (identity == null
                    || identity.whyNotCapturable(!s.sourceDefinedPrimaryKey().isEmpty()) != null) {
                out.add(new Stream(
                        s.name(),
                        s.namespace(),
                        s.jsonSchema(),
                        List.of(SyncMode.FULL_REFRESH),
                        false,
                        List.of(),
                        s.sourceDefinedPrimaryKey(),
                        List.of()));
                continue;
            }
            ObjectNode schema = s.jsonSchema().deepCopy();
            ObjectNode properties = schema.withObjectProperty("properties");
            properties.putObject(LSN).putArray("type").add("null").add("integer");
            timestamp(properties.putObject(UPDATED_AT));
            timestamp(properties.putObject(DELETED_AT));
            out.add(new Stream(
                    s.name(),
                    s.namespace(),
                    schema,
                    List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                    true,
                    List.of(LSN),
                    s.sourceDefinedPrimaryKey(),
                    List.of(LSN)));
        }
        return out;
    }

    private static void timestamp(ObjectNode property) {
        property.putArray("type").add("null").add("string");
        property.put("format", "date-time").put("airbyte_type", "timestamp_with_timezone");
    }
}
