package io.tributary.normalization.schema;

/**
 * A stream's JSON Schema (or its configured primary key) cannot be normalized. The message names the
 * stream, the field and what to change.
 */
public class InvalidStreamSchemaException extends IllegalArgumentException {

    public InvalidStreamSchemaException(String message) {
        super(message);
    }
}
