package io.tributary.normalization;

/**
 * The names of the metadata columns normalization adds to every table, as Airbyte's basic
 * normalization and Destinations V2 named them. Hashid columns are named per table by
 * {@link io.tributary.connector.naming.NamingConvention#hashIdColumn(String)}.
 */
public final class MetadataColumns {

    /** The record's UUID, the same in its row and in its child rows (and in the raw table). */
    public static final String AB_ID = "_airbyte_ab_id";
    /** When the source emitted the record (TIMESTAMP_TZ). */
    public static final String EMITTED_AT = "_airbyte_emitted_at";
    /** When normalization processed the record (TIMESTAMP_TZ). */
    public static final String NORMALIZED_AT = "_airbyte_normalized_at";
    /** JSON {@code {"changes": [...]}}: values that did not fit their column. */
    public static final String META = "_airbyte_meta";
    /** {@link #META} of a row whose values all fit. */
    public static final String NO_CHANGES = "{\"changes\":[]}";

    private MetadataColumns() {}
}
