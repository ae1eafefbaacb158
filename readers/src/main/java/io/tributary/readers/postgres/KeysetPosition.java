package io.tributary.readers.postgres;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a keyset scan stands: the key of the last row emitted, each component in PostgreSQL's text
 * form (cast back with the column's type when the scan resumes, so the comparison is exact).
 * Its string form is a JSON array, e.g. {@code ["42","2024-01-01 00:00:00"]}.
 */
record KeysetPosition(List<String> key) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    KeysetPosition {
        key = List.copyOf(key);
    }

    static KeysetPosition parse(String text) {
        return new KeysetPosition(JSON.readValue(text, new TypeReference<List<String>>() {}));
    }

    String asString() {
        return JSON.writeValueAsString(key);
    }
}
