/**
 * Finds connectors by type name through java.util.ServiceLoader.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.registry;

import org.jspecify.annotations.NullMarked;
