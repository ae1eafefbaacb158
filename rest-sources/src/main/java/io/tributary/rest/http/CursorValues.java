package io.tributary.rest.http;

import java.math.BigDecimal;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Cursor values of incremental streams, as text: numbers compare as numbers, anything else as text,
 * which orders ISO-8601 dates and date-times written the same way (what APIs send).
 */
public final class CursorValues {

    private CursorValues() {}

    /** The cursor of a record, or {@code null} when the record has none. */
    public static String of(ObjectNode record, List<String> path) {
        JsonNode node = record;
        for (String key : path) {
            node = node.path(key);
        }
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return node.isValueNode() ? node.asString("") : node.toString();
    }

    /** Compares two cursor values; {@code null} is lowest. */
    public static int compare(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        BigDecimal x = number(a);
        BigDecimal y = number(b);
        if (x != null && y != null) {
            return x.compareTo(y);
        }
        return a.compareTo(b);
    }

    public static String max(String a, String b) {
        return compare(a, b) >= 0 ? a : b;
    }

    private static BigDecimal number(String s) {
        if (s.isEmpty() || s.length() > 40 || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-')) {
            return null;
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
