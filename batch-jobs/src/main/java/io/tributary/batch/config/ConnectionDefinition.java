package io.tributary.batch.config;

import io.tributary.normalization.NormalizationMode;
import java.util.List;
import java.util.Objects;

/**
 * A connection: which source feeds which destination, with which streams, how namespaces and
 * names are mapped, and how many records a chunk commits.
 *
 * @param streams the streams to sync; empty means every stream the source discovers, with defaults
 * @param maxDepth how deep nested objects flatten into columns
 * @param normalization raw records only, or typed tables too (basic, the default)
 */
public record ConnectionDefinition(
        String name,
        String source,
        String destination,
        NamespaceDefinition namespaceDefinition,
        String namespaceFormat,
        String prefix,
        int chunkSize,
        int maxDepth,
        List<StreamSelection> streams,
        String place,
        NormalizationMode normalization) {

    public static final int DEFAULT_CHUNK_SIZE = 5_000;

    public ConnectionDefinition {
        streams = List.copyOf(streams);
        prefix = prefix == null ? "" : prefix;
        Objects.requireNonNull(normalization, "normalization");
    }

    /** A connection with basic normalization. */
    public ConnectionDefinition(
            String name,
            String source,
            String destination,
            NamespaceDefinition namespaceDefinition,
            String namespaceFormat,
            String prefix,
            int chunkSize,
            int maxDepth,
            List<StreamSelection> streams,
            String place) {
        this(
                name,
                source,
                destination,
                namespaceDefinition,
                namespaceFormat,
                prefix,
                chunkSize,
                maxDepth,
                streams,
                place,
                NormalizationMode.BASIC);
    }
}
