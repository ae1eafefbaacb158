package io.tributary.connector.naming;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * How a destination spells identifiers: sanitizing (lower case, non-alphanumerics to {@code _},
 * leading digit prefixed) and truncating to the destination's limit. The one naming class every
 * destination and normalization use, so table and column names agree everywhere.
 *
 * <p>Truncation follows Airbyte's legacy normalization ({@code truncate_identifier_name}): a name
 * longer than the limit keeps its start and its end, joined by {@code __}, so
 * {@code nested_stream_with_complex_columns_resulting_into_long_names} becomes
 * {@code nested_stream_with_c__lting_into_long_names} in PostgreSQL. Names that would collide get a
 * short hash segment: the first three hex digits of the SHA-1 of the name's JSON path, as Airbyte's
 * {@code hash_json_path} (see {@link #pathKey(List)} and {@link #hash(String, int)}).
 * {@link UniqueIdentifiers} hands out collision-free names within one scope.
 *
 * @param maxBytes the destination's hard limit (63 bytes in PostgreSQL)
 * @param truncateTo the length names are cut to, leaving room for suffixes (Airbyte cut PostgreSQL names to 43)
 */
public record NamingConvention(int maxBytes, int truncateTo) {

    /** PostgreSQL: 63-byte identifiers, names cut to 43 characters as Airbyte's normalization did. */
    public static final NamingConvention POSTGRES = new NamingConvention(63, 43);

    /** Files and object stores: generous limits, names still sanitized the same way. */
    public static final NamingConvention FILES = new NamingConvention(255, 200);

    /** Hex digits of the hash segment Airbyte used to tell colliding names apart. */
    public static final int HASH_SEGMENT_LENGTH = 3;

    /** Shortest {@link #truncateTo()} that still leaves room for a name, a hash segment and a cut. */
    private static final int MIN_TRUNCATE_TO = 12;

    public NamingConvention {
        if (truncateTo < MIN_TRUNCATE_TO || truncateTo > maxBytes) {
            throw new IllegalArgumentException("NamingConvention: truncateTo must be between " + MIN_TRUNCATE_TO
                    + " and maxBytes (" + maxBytes + "), was " + truncateTo);
        }
    }

    /**
     * Lower case, ASCII letters, digits and {@code _}; never starts with a digit; never empty. As
     * Airbyte's {@code transform_standard_naming}: surrounding blanks dropped, accents stripped, each run
     * of whitespace and every other character made {@code _}; then a leading digit gets a {@code _}.
     */
    public String sanitize(String name) {
        String plain = Normalizer.normalize(name.strip(), Normalizer.Form.NFD).replaceAll("\\p{Mn}", "");
        String underscored = plain.replaceAll("(?U)\\s+", "_");
        StringBuilder out = new StringBuilder(underscored.length());
        underscored
                .codePoints()
                .forEach(c -> out.append(
                        (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
                                ? (char) c
                                : c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : '_'));
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
        return truncate(name, truncateTo);
    }

    /**
     * Cuts {@code name} to {@code limit} characters (never more than {@link #truncateTo()}, and at most
     * {@link #maxBytes()} UTF-8 bytes) the way Airbyte's {@code truncate_identifier_name} did: with
     * {@code middle = round(limit / 2)} (half to even), it keeps the first {@code limit - middle - 1} and the last {@code middle - 1}
     * characters and joins them with {@code __}.
     */
    public String truncate(String name, int limit) {
        if (limit < 4) {
            throw new IllegalArgumentException(
                    "Cannot truncate '" + name + "' to fewer than 4 characters (asked " + limit + ")");
        }
        int cut = Math.min(limit, truncateTo);
        if (name.length() <= cut && utf8Length(name) <= maxBytes) {
            return name;
        }
        cut = Math.min(cut, name.length() - 1);
        // Names are ASCII once sanitized; the byte check only shortens names with other characters further.
        while (true) {
            int middle = roundHalfEven(cut);
            String result = name.substring(0, cut - middle - 1) + "__" + name.substring(name.length() - (middle - 1));
            if (utf8Length(result) <= maxBytes) {
                return result;
            }
            cut--;
        }
    }

    /** The raw table of a stream, {@code _airbyte_raw_<stream>}. */
    public String rawTable(String stream) {
        return truncate("_airbyte_raw_" + sanitize(stream));
    }

    /**
     * The identifier of a nested path, its names joined with {@code _} (Airbyte's simple name:
     * {@code ["customers", "addresses"]} gives {@code customers_addresses}, {@code ["contact", "email"]}
     * gives {@code contact_email}).
     */
    public String joined(List<String> path) {
        if (path.isEmpty()) {
            throw new IllegalArgumentException("A name needs at least one path element");
        }
        return identifier(String.join("_", path));
    }

    /**
     * The hashid column of a table or nested field, {@code _airbyte_<name>_hashid} as Airbyte named it
     * (the name normalized first, the whole cut again when too long).
     */
    public String hashIdColumn(String name) {
        return identifier("_airbyte_" + identifier(name) + "_hashid");
    }

    /**
     * {@code name} with a hash segment of {@code key} appended ({@code name_<hex>}), cut in the middle
     * first when both would not fit. {@code hexDigits} is usually {@link #HASH_SEGMENT_LENGTH}; callers
     * ask for more digits only when the short segment collides too.
     */
    public String withHashSegment(String name, String key, int hexDigits) {
        String segment = hash(key, hexDigits);
        int room = truncateTo - 1 - segment.length();
        return (name.length() > room ? truncate(name, room) : name) + "_" + segment;
    }

    /**
     * Airbyte's name for a nested table whose simple name collides ({@code get_nested_hashed_table_name}):
     * {@code <parent path>_<hash>_<child>}, where the hash is {@link #hash(String, int) hash} of the
     * {@link #pathKey(List) path key} of {@code [schema] + jsonPath}, the parent path is cut to make
     * room (keeping at least 10 characters) and then the child is cut in the middle.
     *
     * @param schema the destination namespace, or {@code ""}
     * @param jsonPath the stream name then the nested field names; at least two elements
     */
    public String nestedTableName(String schema, List<String> jsonPath) {
        if (jsonPath.size() < 2) {
            throw new IllegalArgumentException(
                    "A nested table has a parent: the path " + jsonPath + " has fewer than two names");
        }
        List<String> full = new ArrayList<>(jsonPath.size() + 1);
        full.add(schema == null ? "" : schema);
        full.addAll(jsonPath);
        String pathHash = hash(pathKey(full), HASH_SEGMENT_LENGTH);
        String parent = sanitize(String.join("_", jsonPath.subList(0, jsonPath.size() - 1)));
        String child = sanitize(jsonPath.get(jsonPath.size() - 1));
        int minParent = Math.min(10, parent.length());
        if (parent.length() + pathHash.length() + child.length() + 2 < truncateTo) {
            return parent + "_" + pathHash + "_" + child;
        }
        if (minParent + pathHash.length() + child.length() + 2 < truncateTo) {
            int maxParent = truncateTo - pathHash.length() - child.length() - 2;
            return parent.substring(0, maxParent) + "_" + pathHash + "_" + child;
        }
        // Airbyte passed a custom limit here, which its truncate lowered by one.
        int childLimit = truncateTo - pathHash.length() - 2 - minParent - 1;
        return parent.substring(0, minParent) + "_" + pathHash + "_" + truncate(child, childLimit);
    }

    /**
     * The key a path hashes under: its names joined with {@code &airbyte&}, as Airbyte's
     * {@code hash_json_path} ({@code customers&airbyte&addresses}).
     */
    public static String pathKey(List<String> path) {
        return String.join("&airbyte&", path);
    }

    /**
     * The first {@code hexDigits} (1 to 40) lower-case hex digits of the SHA-1 of {@code key}'s UTF-8
     * bytes with ASCII letters lower-cased, as Airbyte's {@code hash_name}.
     */
    public static String hash(String key, int hexDigits) {
        if (hexDigits < 1 || hexDigits > 40) {
            throw new IllegalArgumentException("A SHA-1 hash segment has 1 to 40 hex digits, not " + hexDigits);
        }
        byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] >= 'A' && bytes[i] <= 'Z') {
                bytes[i] += 'a' - 'A';
            }
        }
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(bytes))
                    .substring(0, hexDigits);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime provides SHA-1", e);
        }
    }

    /** Python's round(limit / 2): halves go to the even neighbour. */
    private static int roundHalfEven(int limit) {
        int half = limit / 2;
        return limit % 2 == 0 || half % 2 == 0 ? half : half + 1;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
