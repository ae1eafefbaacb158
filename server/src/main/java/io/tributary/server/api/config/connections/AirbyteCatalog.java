package io.tributary.server.api.config.connections;

import java.util.List;

/**
 * The shape of a sync catalog, for the API's documentation: a connection keeps its catalog as the
 * JSON the client sent (fields Tributary does not use included), so the records carry it as JSON.
 */
public record AirbyteCatalog(List<AirbyteStreamAndConfiguration> streams) {}
