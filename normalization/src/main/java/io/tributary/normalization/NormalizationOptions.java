package io.tributary.normalization;

import io.tributary.connector.naming.NamingConvention;
import java.time.Clock;
import java.util.Objects;

/**
 * How a connection normalizes its streams.
 *
 * @param maxDepth how many levels of nesting unpack: an object or an array of objects nested in
 *        {@code maxDepth} or more levels (counted from the record, the same inside child tables) stays
 *        a JSON column; 0 keeps every nested value as JSON in the stream's own table
 * @param naming the destination's identifier rules
 * @param clock the source of {@code _airbyte_normalized_at}
 * @param mode {@link NormalizationMode#RAW} for raw records only, {@link NormalizationMode#BASIC} for typed tables too
 */
public record NormalizationOptions(int maxDepth, NamingConvention naming, Clock clock, NormalizationMode mode) {

    public static final int DEFAULT_MAX_DEPTH = 10;

    public NormalizationOptions {
        if (maxDepth < 0) {
            throw new IllegalArgumentException("maxDepth must be 0 or more, was " + maxDepth);
        }
        Objects.requireNonNull(naming, "naming");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(mode, "mode");
    }

    /** Basic normalization. */
    public NormalizationOptions(int maxDepth, NamingConvention naming, Clock clock) {
        this(maxDepth, naming, clock, NormalizationMode.BASIC);
    }

    /** Basic normalization stamping {@code _airbyte_normalized_at} with the system clock in UTC. */
    public NormalizationOptions(int maxDepth, NamingConvention naming) {
        this(maxDepth, naming, Clock.systemUTC());
    }

    public static NormalizationOptions defaults(NamingConvention naming) {
        return new NormalizationOptions(DEFAULT_MAX_DEPTH, naming);
    }

    /** These options with another clock (tests pin {@code _airbyte_normalized_at} with a fixed one). */
    public NormalizationOptions withClock(Clock clock) {
        return new NormalizationOptions(maxDepth, naming, clock, mode);
    }

    /** These options with another mode. */
    public NormalizationOptions withMode(NormalizationMode mode) {
        return new NormalizationOptions(maxDepth, naming, clock, mode);
    }
}
