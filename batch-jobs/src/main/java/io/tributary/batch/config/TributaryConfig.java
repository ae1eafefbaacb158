package io.tributary.batch.config;

import io.tributary.connector.config.ConfigException;
import java.util.Map;
import java.util.TreeMap;

/** Everything a connections file declares: named sources, destinations and connections. */
public record TributaryConfig(
        Map<String, ConnectorDefinition> sources,
        Map<String, ConnectorDefinition> destinations,
        Map<String, ConnectionDefinition> connections) {

    public TributaryConfig {
        sources = Map.copyOf(sources);
        destinations = Map.copyOf(destinations);
        connections = Map.copyOf(connections);
    }

    public ConnectorDefinition source(String name) {
        ConnectorDefinition d = sources.get(name);
        if (d == null) {
            throw new ConfigException(
                    "no source named '" + name + "'; sources in this file: " + new TreeMap<>(sources).keySet());
        }
        return d;
    }

    public ConnectorDefinition destination(String name) {
        ConnectorDefinition d = destinations.get(name);
        if (d == null) {
            throw new ConfigException("no destination named '" + name + "'; destinations in this file: "
                    + new TreeMap<>(destinations).keySet());
        }
        return d;
    }

    public ConnectionDefinition connection(String name) {
        ConnectionDefinition d = connections.get(name);
        if (d == null) {
            throw new ConfigException("no connection named '" + name + "'; connections in this file: "
                    + new TreeMap<>(connections).keySet());
        }
        return d;
    }
}
