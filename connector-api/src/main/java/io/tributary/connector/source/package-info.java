/**
 * The source side of the SPI: the four protocol verbs and the marks a reader can carry.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.source;

import org.jspecify.annotations.NullMarked;
