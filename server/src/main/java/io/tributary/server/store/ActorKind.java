package io.tributary.server.store;

import java.util.Locale;

/** A source or a destination. */
public enum ActorKind {
    SOURCE,
    DESTINATION;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
