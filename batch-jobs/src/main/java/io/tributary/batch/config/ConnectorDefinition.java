package io.tributary.batch.config;

import java.util.Map;

/**
 * A named source or destination as declared in a connections file: its connector type and its raw
 * settings ({@code ${env:NAME}} references already resolved). Validated against the connector's
 * spec when a connection is planned.
 *
 * @param place where it was declared, e.g. {@code sources.shop}, for messages
 */
public record ConnectorDefinition(String name, String type, Map<String, Object> config, String place) {

    public ConnectorDefinition {
        config = Map.copyOf(config);
    }
}
