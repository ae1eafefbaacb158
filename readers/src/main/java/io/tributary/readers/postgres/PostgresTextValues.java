package io.tributary.readers.postgres;

/**
 * Turns PostgreSQL's text output of dates and times into ISO-8601, as the record conventions ask.
 * The reader's session runs with {@code DateStyle=ISO}, {@code TimeZone=UTC} and
 * {@code IntervalStyle=iso_8601}, so PostgreSQL's output is already close: only the date/time
 * separator, short offsets ({@code +05}), BC years and five-digit years need work.
 * {@code infinity} and {@code -infinity} have no ISO form and pass through unchanged.
 */
final class PostgresTextValues {

    private PostgresTextValues() {}

    /** {@code 2024-01-31}, {@code 0044-03-15 BC} (to {@code -0043-03-15}), {@code 12345-01-01} (to {@code +12345-01-01}). */
    static String isoDate(String pg) {
        if (isInfinity(pg)) {
            return pg;
        }
        return isoYear(pg, pg.endsWith(" BC") ? pg.substring(0, pg.length() - 3) : pg, pg.endsWith(" BC"));
    }

    /** {@code 2024-01-31 10:00:00.5} to {@code 2024-01-31T10:00:00.5}. */
    static String isoTimestamp(String pg) {
        if (isInfinity(pg)) {
            return pg;
        }
        boolean bc = pg.endsWith(" BC");
        String body = bc ? pg.substring(0, pg.length() - 3) : pg;
        int space = body.indexOf(' ');
        String iso = space < 0 ? body : body.substring(0, space) + 'T' + body.substring(space + 1);
        return isoYear(pg, iso, bc);
    }

    /**
     * {@code 2024-01-31 10:00:00+00} to {@code 2024-01-31T10:00:00Z}: the session time zone is UTC,
     * so PostgreSQL prints every timestamptz with offset {@code +00}; the instant is exact.
     */
    static String isoTimestampTz(String pg) {
        int n = pg.length();
        if (n > 14 && pg.charAt(4) == '-' && pg.charAt(10) == ' ' && pg.startsWith("+00", n - 3)) {
            // the usual value (a four-digit year AD, in UTC) in one copy rather than a substring per step
            return new StringBuilder(n - 2)
                    .append(pg, 0, 10)
                    .append('T')
                    .append(pg, 11, n - 3)
                    .append('Z')
                    .toString();
        }
        if (isInfinity(pg)) {
            return pg;
        }
        String iso = isoTimestamp(pg);
        int t = iso.indexOf('T');
        int sign = Math.max(iso.lastIndexOf('+'), iso.lastIndexOf('-'));
        if (sign <= t) {
            return iso;
        }
        String offset = iso.substring(sign);
        if (offset.equals("+00") || offset.equals("+00:00") || offset.equals("-00")) {
            return iso.substring(0, sign) + 'Z';
        }
        return iso.substring(0, sign) + fullOffset(offset);
    }

    /** {@code 10:00:00+05} to {@code 10:00:00+05:00}; longer offsets stay as they are. */
    static String isoTimeTz(String pg) {
        int sign = Math.max(pg.lastIndexOf('+'), pg.lastIndexOf('-'));
        return sign < 0 ? pg : pg.substring(0, sign) + fullOffset(pg.substring(sign));
    }

    private static String fullOffset(String offset) {
        return offset.length() == 3 ? offset + ":00" : offset;
    }

    private static boolean isInfinity(String pg) {
        return pg.equals("infinity") || pg.equals("-infinity");
    }

    /**
     * ISO-8601 counts years astronomically (1 BC is year 0) and needs a sign on years beyond four
     * digits; PostgreSQL prints {@code 0001-01-01 BC} and {@code 12345-01-01}.
     */
    private static String isoYear(String original, String iso, boolean bc) {
        int dash = iso.indexOf('-');
        if (dash <= 0) {
            throw new IllegalArgumentException("Not a PostgreSQL date: " + original);
        }
        if (!bc) {
            return dash > 4 ? "+" + iso : iso;
        }
        long year = 1 - Long.parseLong(iso.substring(0, dash));
        String digits = String.format("%04d", Math.abs(year));
        return (year < 0 ? "-" : "") + digits + iso.substring(dash);
    }
}
