package io.tributary.writers.postgres;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.postgres.PostgresConnectionConfig;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL destination's configuration: the shared connection fields plus the schema that
 * streams without a namespace of their own land in.
 */
record PostgresDestinationConfig(PostgresConnectionConfig connection, String schema) {

    static final ConfigField<String> SCHEMA = ConfigField.string("schema")
            .defaultsTo("public")
            .describe("Schema for the raw and final tables of streams without a namespace; created when missing");

    static final ConfigSpec SPEC;

    static {
        List<ConfigField<?>> fields = new ArrayList<>(PostgresConnectionConfig.fields());
        fields.add(5, SCHEMA);
        SPEC = ConfigSpec.of("PostgreSQL destination", fields.toArray(ConfigField<?>[]::new));
    }

    static PostgresDestinationConfig from(ConnectorConfig config) {
        return new PostgresDestinationConfig(
                PostgresConnectionConfig.from(config), SCHEMA.optional(config).orElse("public"));
    }
}
