/**
 * A source's streams and how a connection syncs each: the catalog, streams, sync modes.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.catalog;

import org.jspecify.annotations.NullMarked;
