package io.tributary.writers.postgres;

import java.io.ByteArrayOutputStream;

/**
 * JSON text for jsonb. jsonb rejects the escape {@code \u0000} (it cannot store a NUL character), so
 * such escapes are dropped: the string loses its NUL characters, as PostgreSQL text columns must.
 */
final class JsonText {

    private JsonText() {
    }

    /** {@code json} without {@code \u0000} escapes; the same array when there is none (the usual case). */
    static byte[] withoutNulEscapes(byte[] json) {
        if (!containsNulEscape(json)) {
            return json;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length);
        for (int i = 0; i < json.length; i++) {
            byte b = json[i];
            if (b == '\\' && i + 1 < json.length) {
                if (isNulEscape(json, i)) {
                    i += 5;
                    continue;
                }
                out.write(b);
                out.write(json[++i]);
                continue;
            }
            out.write(b);
        }
        return out.toByteArray();
    }

    private static boolean containsNulEscape(byte[] json) {
        for (int i = 0; i + 5 < json.length; i++) {
            if (json[i] == '\\' && isNulEscape(json, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isNulEscape(byte[] json, int backslash) {
        return backslash + 5 < json.length && json[backslash + 1] == 'u' && json[backslash + 2] == '0'
                && json[backslash + 3] == '0' && json[backslash + 4] == '0' && json[backslash + 5] == '0';
    }
}
