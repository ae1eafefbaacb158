package io.tributary.server.service;

import io.tributary.server.store.ActorKind;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** Stable definition ids for connector types (Airbyte identifies connectors by a definition UUID). */
public final class DefinitionIds {

    private DefinitionIds() {}

    public static UUID of(ActorKind kind, String connectorType) {
        return UUID.nameUUIDFromBytes(
                ("tributary-" + kind.wireName() + ":" + connectorType).getBytes(StandardCharsets.UTF_8));
    }
}
