/**
 * Normalized tables: their columns, types and rows, as normalization hands them to writers.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.schema;

import org.jspecify.annotations.NullMarked;
