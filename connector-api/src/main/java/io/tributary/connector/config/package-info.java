/**
 * Connector settings declared once as typed fields: spec, validation, masking and typed reads from one declaration.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.config;

import org.jspecify.annotations.NullMarked;
