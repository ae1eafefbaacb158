package io.tributary.connector.source;

/**
 * Marks a source's reader that the engine may read ahead of the chunk being written, on a thread of
 * its own, so that reading overlaps writing. Such a reader must accept that {@code open} is called
 * on one thread and {@code read} and {@code update} on another (never at the same time), and its
 * {@code update} must only save the position of the records read so far: the engine calls it at
 * chunk boundaries before the chunk commits, and saves what it wrote once the chunk does. A reader
 * whose {@code update} has other effects (a change-data-capture reader that acknowledges the previous
 * chunk's position to the server, say) must not carry this mark.
 */
public interface ReadAheadSafe {}
