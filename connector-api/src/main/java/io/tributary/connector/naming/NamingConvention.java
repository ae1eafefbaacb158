package io.tributary.connector.naming;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/**
 * How a destination spells identifiers: sanitizing (lower case, non-alphanumerics to {@code _},
 * leading digit prefixed) and truncating to the destination's limit. The one naming class every
 * destination and normalization use, so table and column names agree everywhere.
 *
 * @param maxBytes the destination's hard limit (63 bytes in PostgreSQL)
 * @param truncateTo the length names are cut to, leaving room for suffixes (Airbyte cut PostgreSQL names to 43)
 */
public record NamingConvention(int maxBytes, int truncateTo) {

    /** PostgreSQL: 63-byte identifiers, names cut to 43 characters as Airbyte's normalization did. */
    public static final NamingConvention POSTGRES = new NamingConvention(63, 43);

    /** Files and object stores: generous limits, names still sanitized the same way. */
    public static final NamingConvention FILES = new NamingConvention(255, 200);

    /** Lower case, ASCII letters, digits and {@code _}; never starts with a digit; never empty. */
    public String sanitize(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        StringBuilder out = new StringBuilder(ascii.length());
        for (char c : ascii.toLowerCase(Locale.ROOT).toCharArray()) {
            out.append((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' ? c : '_');
        }
        if (out.length() == 0) {
            out.append('_');
        }
        if (Character.isDigit(out.charAt(0))) {
            out.insert(0, '_');
        }
        return out.toString();
    }

    /** {@link #sanitize(String)}, then cut in the middle and joined with {@code __} when longer than {@link #truncateTo()}. */
    public String identifier(String name) {
        return truncate(sanitize(name));
    }

    /** Cuts {@code name} to {@link #truncateTo()} characters by removing its middle, as Airbyte did. */
    public String truncate(String name) {
        if (name.length() <= truncateTo && name.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
            return name;
        }
        int keep = truncateTo - 2;
        int head = keep / 2;
        int tail = keep - head;
        return name.substring(0, head) + "__" + name.substring(name.length() - tail);
    }

    /** The raw table of a stream, {@code _airbyte_raw_<stream>}. */
    public String rawTable(String stream) {
        return truncate("_airbyte_raw_" + sanitize(stream));
    }
}
