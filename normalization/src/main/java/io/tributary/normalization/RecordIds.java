package io.tributary.normalization;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out {@code _airbyte_ab_id} values: random (version 4) UUIDs. Drawn from the thread's
 * {@link ThreadLocalRandom} rather than {@link UUID#randomUUID()}, whose {@code SecureRandom} costs
 * ten times as much per record; an id only has to be unique, not unguessable.
 */
final class RecordIds {

    private RecordIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long most = (random.nextLong() & ~0xF000L) | 0x4000L;
        long least = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(most, least).toString();
    }
}
