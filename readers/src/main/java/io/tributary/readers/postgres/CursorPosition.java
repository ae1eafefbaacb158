package io.tributary.readers.postgres;

import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where an incremental stream stands: the cursor column, the greatest cursor value emitted, the
 * keys of the rows emitted at exactly that value ({@code ties}), and the key of the last row
 * emitted. See {@link CursorScan} for why this is enough to neither lose nor repeat rows that
 * share the last value.
 *
 * @param value PostgreSQL's text form of the cursor value, {@code null} before the first row
 * @param tiesComplete {@code false} once more rows shared {@code value} than the state keeps keys for;
 *     then the scan resumes strictly after {@code lastKey} instead
 */
record CursorPosition(
        String column, String value, List<List<String>> ties, boolean tiesComplete, List<String> lastKey) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    CursorPosition {
        ties = ties == null ? List.of() : ties.stream().map(List::copyOf).toList();
        lastKey = lastKey == null ? List.of() : List.copyOf(lastKey);
    }

    static CursorPosition start(String column) {
        return new CursorPosition(column, null, List.of(), true, List.of());
    }

    static CursorPosition parse(String text) {
        return JSON.readValue(text, CursorPosition.class);
    }

    String asString() {
        return JSON.writeValueAsString(this);
    }
}
