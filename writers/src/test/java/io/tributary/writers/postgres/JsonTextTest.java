package io.tributary.writers.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static String clean(String json) {
        return new String(JsonText.withoutNulEscapes(json.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @Test
    void dropsNulEscapesOnly() {
        assertThat(clean("{\"a\":\"x\\u0000y\"}")).isEqualTo("{\"a\":\"xy\"}");
        assertThat(clean("{\"a\":\"\\\\u0000\"}"))
                .as("an escaped backslash followed by text u0000")
                .isEqualTo("{\"a\":\"\\\\u0000\"}");
        assertThat(clean("{\"a\":\"\\u00e9\"}")).isEqualTo("{\"a\":\"\\u00e9\"}");
    }

    @Test
    void returnsTheSameArrayWhenThereIsNothingToDrop() {
        byte[] json = "{\"a\":1}".getBytes(StandardCharsets.UTF_8);
        assertThat(JsonText.withoutNulEscapes(json)).isSameAs(json);
    }

    private static String cleanInPlace(String json) {
        byte[] bytes = (json + "trailing bytes beyond the length").getBytes(StandardCharsets.UTF_8);
        int length = JsonText.removeNulEscapes(bytes, json.getBytes(StandardCharsets.UTF_8).length);
        return new String(bytes, 0, length, StandardCharsets.UTF_8);
    }

    @Test
    void dropsNulEscapesInPlaceWithinTheGivenLength() {
        assertThat(cleanInPlace("{\"a\":\"x\\u0000y\\u0000\"}")).isEqualTo("{\"a\":\"xy\"}");
        assertThat(cleanInPlace("{\"a\":\"\\\\u0000\"}"))
                .as("an escaped backslash followed by text u0000")
                .isEqualTo("{\"a\":\"\\\\u0000\"}");
        assertThat(cleanInPlace("{\"a\":\"\\\\\\u0000\"}"))
                .as("an escaped backslash, then a NUL escape")
                .isEqualTo("{\"a\":\"\\\\\"}");
        assertThat(cleanInPlace("{\"a\":1}")).isEqualTo("{\"a\":1}");
    }
}
