package io.tributary.readers.postgres;

import io.tributary.postgres.PostgresIdentifiers;
import io.tributary.text.JsonSchemaInference;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gives json/jsonb columns a nested schema inferred from a bounded sample of their values (the first
 * {@value #SAMPLE} non-null ones), so that normalization can flatten them into columns. A column
 * with no values yet stays a plain nullable object.
 */
final class JsonSampleSchemas {

    static final int SAMPLE = 1000;

    private final Connection connection;

    JsonSampleSchemas(Connection connection) {
        this.connection = connection;
    }

    /** Replaces {@code property}'s type with the inferred schema when the column has values. */
    void refine(PostgresRelation relation, PostgresColumn column, ObjectNode property) throws SQLException {
        String c = PostgresIdentifiers.quote(column.name());
        JsonSchemaInference inference =
                JsonSchemaInference.builder().maxSamples(SAMPLE).build();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT " + c + "::text FROM " + relation.sqlName() + " WHERE " + c + " IS NOT NULL LIMIT " + SAMPLE)) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next() && inference.wantsMore()) {
                    inference.accept(PostgresTypeKind.JSON_MAPPER.readTree(rs.getString(1)));
                }
            }
        }
        if (inference.sampled() == 0) {
            return;
        }
        property.removeAll();
        property.setAll(inference.schema());
    }
}
