package io.tributary.writers.postgres;

import java.io.ByteArrayOutputStream;

/**
 * JSON text for jsonb. jsonb rejects the escape {@code \u0000} (it cannot store a NUL character), so
 * such escapes are dropped: the string loses its NUL characters, as PostgreSQL text columns must.
 */
final class JsonText {

    private JsonText() {}

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

    /**
     * Removes the {@code \u0000} escapes from the first {@code length} bytes of {@code json}, in place;
     * returns the new length (the same when there is none, the usual case).
     */
    static int removeNulEscapes(byte[] json, int length) {
        int i = 0;
        while (i + 5 < length && !(json[i] == '\\' && isNulEscape(json, i, length))) {
            i++;
        }
        if (i + 5 >= length) {
            return length;
        }
        // a candidate may be the second half of an escaped backslash: rewrite escape by escape from the start
        int out = 0;
        i = 0;
        while (i < length) {
            byte b = json[i];
            if (b == '\\' && i + 1 < length) {
                if (isNulEscape(json, i, length)) {
                    i += 6;
                    continue;
                }
                json[out++] = b;
                json[out++] = json[i + 1];
                i += 2;
                continue;
            }
            json[out++] = b;
            i++;
        }
        return out;
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
        return isNulEscape(json, backslash, json.length);
    }

    private static boolean isNulEscape(byte[] json, int backslash, int length) {
        return backslash + 5 < length
                && json[backslash + 1] == 'u'
                && json[backslash + 2] == '0'
                && json[backslash + 3] == '0'
                && json[backslash + 4] == '0'
                && json[backslash + 5] == '0';
    }
}
