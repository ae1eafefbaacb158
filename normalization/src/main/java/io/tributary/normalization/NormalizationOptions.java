package io.tributary.normalization;

import io.tributary.connector.naming.NamingConvention;

/**
 * How a connection normalizes its streams.
 *
 * @param maxDepth how many levels of nested objects flatten into columns; deeper objects stay JSON
 * @param naming the destination's identifier rules
 */
public record NormalizationOptions(int maxDepth, NamingConvention naming) {

    public static final int DEFAULT_MAX_DEPTH = 10;

    public NormalizationOptions {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, was " + maxDepth);
        }
    }

    public static NormalizationOptions defaults(NamingConvention naming) {
        return new NormalizationOptions(DEFAULT_MAX_DEPTH, naming);
    }
}
