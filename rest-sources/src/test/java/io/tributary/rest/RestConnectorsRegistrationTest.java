package io.tributary.rest;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.registry.ConnectorRegistry;
import org.junit.jupiter.api.Test;

class RestConnectorsRegistrationTest {

    @Test
    void bothRestSourcesAreFoundByTheirTypeNamesWithTheirSpecs() {
        ConnectorRegistry registry = ConnectorRegistry.load();

        assertThat(registry.sources()).containsKeys("rest", "declarative");
        assertThat(registry.source("rest")
                        .spec()
                        .toJsonSchema()
                        .path("required")
                        .toString())
                .isEqualTo("[\"url_base\",\"endpoints\"]");
        assertThat(registry.source("rest")
                        .spec()
                        .toJsonSchema()
                        .path("properties")
                        .path("authentication")
                        .path("airbyte_secret")
                        .asBoolean())
                .isTrue();
        assertThat(registry.source("declarative")
                        .spec()
                        .toJsonSchema()
                        .path("required")
                        .toString())
                .isEqualTo("[\"manifest\"]");
    }
}
