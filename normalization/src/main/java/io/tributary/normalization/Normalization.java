package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;

/** Entry point: builds the {@link StreamNormalizer} of a configured stream. */
public final class Normalization {

    private Normalization() {
    }

    public static StreamNormalizer forStream(ConfiguredStream stream, NormalizationOptions options) {
        return TopLevelNormalizer.plan(stream, options);
    }
}
