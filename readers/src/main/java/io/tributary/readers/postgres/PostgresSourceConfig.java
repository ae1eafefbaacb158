package io.tributary.readers.postgres;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.postgres.PostgresConnectionConfig;
import io.tributary.readers.postgres.shared.CdcSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The PostgreSQL source's configuration: the shared connection fields plus the schemas to offer,
 * the number of rows fetched per round trip, and the change data capture settings.
 *
 * @param cdc the CDC settings with {@code replication_method: cdc}, else {@code null}
 */
record PostgresSourceConfig(PostgresConnectionConfig connection, List<String> schemas, int fetchSize, CdcSettings cdc) {

    static final ConfigField<List<String>> SCHEMAS = ConfigField.list("schemas")
            .defaultsTo(List.of("public"))
            .describe("Schemas whose tables and views become streams");
    static final ConfigField<Long> FETCH_SIZE = ConfigField.integer("fetch_size")
            .defaultsTo(10_000L)
            .between(1, 1_000_000)
            .describe("Rows fetched per round trip from the server-side cursor; memory use grows with it");

    static final ConfigSpec SPEC;

    static {
        List<ConfigField<?>> fields = new ArrayList<>(PostgresConnectionConfig.fields());
        fields.add(5, SCHEMAS);
        fields.add(FETCH_SIZE);
        fields.addAll(CdcSettings.fields());
        SPEC = ConfigSpec.of("PostgreSQL source", fields.toArray(ConfigField<?>[]::new));
    }

    PostgresSourceConfig {
        schemas = List.copyOf(schemas);
    }

    PostgresSourceConfig(PostgresConnectionConfig connection, List<String> schemas, int fetchSize) {
        this(connection, schemas, fetchSize, null);
    }

    static PostgresSourceConfig from(ConnectorConfig config) {
        List<String> schemas = SCHEMAS.get(config).stream()
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        return new PostgresSourceConfig(
                PostgresConnectionConfig.from(config),
                schemas.isEmpty() ? List.of("public") : schemas,
                FETCH_SIZE.intValue(config),
                CdcSettings.from(config));
    }
}
