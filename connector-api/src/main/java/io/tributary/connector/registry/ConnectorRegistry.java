package io.tributary.connector.registry;

import io.tributary.connector.config.ConfigException;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.source.Source;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Finds connectors by type name among those on the class path ({@link ServiceLoader}), so a user
 * adds a connector by dropping a jar next to Tributary's.
 */
public final class ConnectorRegistry {

    private final Map<String, Source> sources = new TreeMap<>();
    private final Map<String, Destination> destinations = new TreeMap<>();

    public ConnectorRegistry(Iterable<Source> sources, Iterable<Destination> destinations) {
        sources.forEach(s -> this.sources.put(s.type(), s));
        destinations.forEach(d -> this.destinations.put(d.type(), d));
    }

    /** The connectors visible to {@code classLoader}. */
    public static ConnectorRegistry load(ClassLoader classLoader) {
        return new ConnectorRegistry(
                ServiceLoader.load(Source.class, classLoader), ServiceLoader.load(Destination.class, classLoader));
    }

    public static ConnectorRegistry load() {
        return load(ConnectorRegistry.class.getClassLoader());
    }

    public Source source(String type) {
        Source source = sources.get(type);
        if (source == null) {
            throw new ConfigException(
                    "unknown source type '" + type + "'; installed source types are " + sources.keySet());
        }
        return source;
    }

    public Destination destination(String type) {
        Destination destination = destinations.get(type);
        if (destination == null) {
            throw new ConfigException("unknown destination type '" + type + "'; installed destination types are "
                    + destinations.keySet());
        }
        return destination;
    }

    public Map<String, Source> sources() {
        return Map.copyOf(sources);
    }

    public Map<String, Destination> destinations() {
        return Map.copyOf(destinations);
    }
}
