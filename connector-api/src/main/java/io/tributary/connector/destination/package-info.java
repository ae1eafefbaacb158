/**
 * The destination side of the SPI: a destination connector and the loader of one stream.
 *
 * <p>Null-marked: a type is non-null unless annotated {@code @Nullable}; NullAway checks it in the build.
 */
@NullMarked
package io.tributary.connector.destination;

import org.jspecify.annotations.NullMarked;
