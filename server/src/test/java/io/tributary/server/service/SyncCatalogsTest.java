package io.tributary.server.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.batch.config.StreamSelection;
import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.DestinationSyncMode;
import io.tributary.connector.catalog.Stream;
import io.tributary.connector.catalog.SyncMode;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

class SyncCatalogsTest {

    @Test
    void aDiscoveredCatalogBecomesAirbytesSyncCatalogAndBackIntoSelections() {
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.putObject("properties").putObject("id").put("type", "integer");
        Catalog catalog = new Catalog(List.of(new Stream(
                "users",
                "public",
                schema,
                List.of(SyncMode.FULL_REFRESH, SyncMode.INCREMENTAL),
                false,
                List.of("id"),
                List.of(List.of("id")),
                List.of("id"))));
        ObjectNode sync = SyncCatalogs.fromCatalog(catalog);
        assertThat(sync.path("streams")
                        .get(0)
                        .path("stream")
                        .path("supportedSyncModes")
                        .toString())
                .isEqualTo("[\"full_refresh\",\"incremental\"]");
        ObjectNode config = (ObjectNode) sync.path("streams").get(0).path("config");
        assertThat(config.path("selected").asBoolean()).isTrue();
        config.put("syncMode", "incremental").put("destinationSyncMode", "append_dedup");

        StreamSelection selection = SyncCatalogs.selections(sync).get(0);
        assertThat(selection.name()).isEqualTo("public.users");
        assertThat(selection.syncMode()).isEqualTo(SyncMode.INCREMENTAL);
        assertThat(selection.destinationSyncMode()).isEqualTo(DestinationSyncMode.APPEND_DEDUP);
        assertThat(selection.cursorField()).containsExactly("id");
        assertThat(selection.primaryKey()).containsExactly(List.of("id"));
    }

    @Test
    void everyProblemIsAValidationErrorNamingItsPlace() {
        ObjectNode sync = JsonNodeFactory.instance.objectNode();
        var streams = sync.putArray("streams");
        streams.addObject().putObject("stream").put("name", "");
        ObjectNode second = streams.addObject();
        second.putObject("stream").put("name", "users");
        second.putObject("config").put("syncMode", "sometimes").put("destinationSyncMode", "replace");
        assertThatThrownBy(() -> SyncCatalogs.selections(sync))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(ValidationError::propertyPath)
                                .containsExactly(
                                        "syncCatalog.streams[0].stream.name",
                                        "syncCatalog.streams[1].config.syncMode",
                                        "syncCatalog.streams[1].config.destinationSyncMode"));
        assertThatThrownBy(() -> SyncCatalogs.selections(JsonNodeFactory.instance.objectNode()))
                .hasMessageContaining("syncCatalog.streams");
    }
}
