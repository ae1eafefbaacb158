package io.tributary.connector.catalog;

import java.util.List;
import java.util.Optional;

/** What a source offers: the streams found by {@code discover}. */
public record Catalog(List<Stream> streams) {

    public Catalog {
        streams = List.copyOf(streams);
    }

    /** Finds a stream by name, or by {@code namespace.name} when names repeat across namespaces. */
    public Optional<Stream> find(String name) {
        Optional<Stream> exact =
                streams.stream().filter(s -> s.qualifiedName().equals(name)).findFirst();
        if (exact.isPresent()) {
            return exact;
        }
        List<Stream> byName =
                streams.stream().filter(s -> s.name().equals(name)).toList();
        return byName.size() == 1 ? Optional.of(byName.get(0)) : Optional.empty();
    }
}
