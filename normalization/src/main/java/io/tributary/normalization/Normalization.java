package io.tributary.normalization;

import io.tributary.connector.catalog.ConfiguredStream;

/** Entry point: builds the {@link StreamNormalizer} of a configured stream. */
public final class Normalization {

    private Normalization() {}

    /**
     * Plans the normalization of one stream, once; the returned processor then handles its records.
     * In {@link NormalizationMode#RAW} it makes no tables: records keep only their raw form.
     *
     * @throws io.tributary.normalization.schema.InvalidStreamSchemaException when the stream's JSON
     *         schema or primary key cannot be normalized (the message names the field and the fix)
     */
    public static StreamNormalizer forStream(ConfiguredStream stream, NormalizationOptions options) {
        if (options.mode() == NormalizationMode.RAW) {
            return new RawRecordNormalizer(stream, options);
        }
        return FlatteningNormalizer.plan(stream, options);
    }
}
