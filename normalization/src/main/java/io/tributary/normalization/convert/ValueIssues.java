package io.tributary.normalization.convert;

/**
 * Where a {@link ValueConverter} reports a value that does not fit its column, so that the row's
 * {@code _airbyte_meta} records it. The caller knows which field is being converted.
 */
public interface ValueIssues {

    /** The value does not fit at all: the column gets NULL. */
    void nulled(String message);

    /** The value was adjusted to fit (rounded to the column's scale). */
    void truncated(String message);
}
