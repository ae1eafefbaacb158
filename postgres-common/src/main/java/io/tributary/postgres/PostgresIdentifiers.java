package io.tributary.postgres;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * PostgreSQL identifiers in generated SQL: quoting, so that any name (upper case, spaces, quotes,
 * non-ASCII) means itself, and fitting into PostgreSQL's 63-byte limit without collisions (the
 * server would silently cut a longer name, so two long names could become one table).
 */
public final class PostgresIdentifiers {

    /** PostgreSQL's NAMEDATALEN - 1. */
    public static final int MAX_BYTES = 63;

    private static final int HASH_CHARS = 8;

    private PostgresIdentifiers() {}

    /** {@code "name"}, with embedded double quotes doubled. */
    public static String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /** {@code "schema"."name"}. */
    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    /**
     * {@code name} itself when it fits in 63 bytes (UTF-8); otherwise its head, cut at a character
     * boundary, plus {@code _} and 8 hex characters of the name's SHA-256, so distinct long names
     * stay distinct and the same name always gets the same short form.
     */
    public static String fit(String name) {
        byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
        if (utf8.length <= MAX_BYTES) {
            return name;
        }
        int budget = MAX_BYTES - HASH_CHARS - 1;
        StringBuilder head = new StringBuilder();
        int used = 0;
        for (int i = 0; i < name.length(); ) {
            int cp = name.codePointAt(i);
            int bytes = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (used + bytes > budget) {
                break;
            }
            head.appendCodePoint(cp);
            used += bytes;
            i += Character.charCount(cp);
        }
        return head + "_" + hash(utf8);
    }

    private static String hash(byte[] utf8) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(utf8);
            return HexFormat.of().formatHex(digest).substring(0, HASH_CHARS);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
