package io.tributary.readers.mysql;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The string forms of the positions saved in the ExecutionContext: a key as a JSON array of the
 * server's text of each part (cast back with the column's type on resume), and an incremental
 * stream's {@link Cursor}.
 */
final class MySqlPositions {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private MySqlPositions() {}

    static String keyText(List<String> key) {
        return JSON.writeValueAsString(key);
    }

    static List<String> parseKey(String text) {
        return JSON.readValue(text, new TypeReference<List<String>>() {});
    }

    /**
     * Where an incremental stream stands: the cursor column, the greatest cursor value emitted, the
     * keys of the rows emitted at exactly that value (one entry per row, so identical rows of a table
     * without key count twice), and the key of the last row emitted. See {@link MySqlCursorScan}.
     *
     * @param value the server's text of the cursor value, {@code null} before the first row
     * @param tiesComplete {@code false} once more rows shared {@code value} than the state keeps keys for;
     *     then the scan resumes strictly after {@code lastKey} instead
     */
    record Cursor(String column, String value, List<List<String>> ties, boolean tiesComplete, List<String> lastKey) {

        Cursor {
            // a key of a table without one is its row, whose parts may be NULL: no List.copyOf
            ties = ties == null
                    ? List.of()
                    : ties.stream()
                            .map(k -> Collections.unmodifiableList(new ArrayList<>(k)))
                            .toList();
            lastKey = lastKey == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(lastKey));
        }

        static Cursor parse(String text) {
            return JSON.readValue(text, Cursor.class);
        }

        String asString() {
            return JSON.writeValueAsString(this);
        }
    }
}
