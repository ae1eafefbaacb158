/**
 * How destinations spell table and column names: sanitizing, truncation and collision-free identifiers.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.naming;

import org.jspecify.annotations.NullMarked;
