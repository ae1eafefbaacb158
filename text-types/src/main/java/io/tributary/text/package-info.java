/**
 * JSON Schema inference for sources whose data carries no declared schema: files (CSV, JSON Lines),
 * {@code json}/{@code jsonb} columns, API responses.
 *
 * <p>{@link io.tributary.text.JsonSchemaInference} is fed values one at a time from a
 * bounded sample and produces a schema in the conventions every stream schema follows (Airbyte's):
 * every type is a union with {@code "null"}, nested objects carry {@code properties}, arrays carry
 * {@code items}, dates and date-times are strings with a {@code format} (and an {@code airbyte_type}
 * saying whether a time zone is present). Conflicting observations widen: {@code integer} to
 * {@code number} to {@code string}; an object or array seen where a scalar (or the other
 * container) was seen before makes the field a {@code string}, whose values a destination stores as
 * their JSON text.
 *
 * <p>{@link io.tributary.text.TextType} is the one place that decides what a piece
 * of text (a CSV cell) means: which type it looks like during inference, and which typed JSON value
 * it becomes when read under a declared type.
 */
package io.tributary.text;
