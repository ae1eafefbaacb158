package io.tributary.connector.naming;

import java.util.HashSet;
import java.util.Set;

/**
 * The identifiers already used in one scope (the columns of a table, the tables of a namespace),
 * handing out a distinct one to each claimant. The first claimant of a name gets it as it is; a later
 * one gets it with the hash segment of its key ({@link NamingConvention#withHashSegment}), so the
 * outcome depends only on the names, the keys and the order of claims. Not thread-safe: one planner
 * fills it, then drops it.
 */
public final class UniqueIdentifiers {

    private final NamingConvention naming;
    private final Set<String> taken = new HashSet<>();

    public UniqueIdentifiers(NamingConvention naming) {
        this.naming = naming;
    }

    /** Whether {@code identifier} is already used in this scope. */
    public boolean isTaken(String identifier) {
        return taken.contains(identifier);
    }

    /**
     * Claims {@code identifier} (already made by the naming convention), or, when it is taken, the
     * identifier with a hash segment of {@code key}; when that is taken too (keys differing only in
     * case hash alike), of {@code key#1}, {@code key#2}... in turn.
     *
     * @param key what tells this claimant apart from others with the same name, usually
     *        {@link NamingConvention#pathKey} of its path
     */
    public String claim(String identifier, String key) {
        if (taken.add(identifier)) {
            return identifier;
        }
        for (int attempt = 0; ; attempt++) {
            String variant = attempt == 0 ? key : key + "#" + attempt;
            int digits = Math.min(NamingConvention.HASH_SEGMENT_LENGTH + attempt / 100, naming.truncateTo() - 5);
            String candidate = naming.withHashSegment(identifier, variant, digits);
            if (taken.add(candidate)) {
                return candidate;
            }
        }
    }
}
