/**
 * Records as sources hand them: typed values by field, or JSON documents, and their one JSON form.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.record;

import org.jspecify.annotations.NullMarked;
