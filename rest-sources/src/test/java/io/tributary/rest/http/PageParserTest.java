package io.tributary.rest.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

class PageParserTest {

    private static PageParser parser(String json, String... path) {
        return new PageParser(
                new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), List.of(path), "GET http://api/x");
    }

    private static List<String> records(PageParser parser) {
        List<String> out = new ArrayList<>();
        for (ObjectNode r = parser.next(); r != null; r = parser.next()) {
            out.add(r.toString());
        }
        return out;
    }

    @Test
    void recordsAtANestedPathAreReadAndTheRestOfTheResponseIsKeptAsTheEnvelope() {
        PageParser parser = parser(
                "{\"meta\":{\"total\":2},\"data\":{\"count\":2,\"items\":[{\"id\":1},{\"id\":2}],\"next\":\"c2\"},\"ok\":true}",
                "data",
                "items");
        assertThat(records(parser)).containsExactly("{\"id\":1}", "{\"id\":2}");
        assertThat(parser.records()).isEqualTo(2);
        assertThat(parser.envelope().toString())
                .isEqualTo("{\"meta\":{\"total\":2},\"data\":{\"count\":2,\"next\":\"c2\"},\"ok\":true}");
    }

    @Test
    void decimalsStayExact() {
        ObjectNode record = parser("[{\"price\":12.50,\"big\":12345678901234567890.123456789}]")
                .next();
        assertThat(record.get("price").decimalValue()).isEqualByComparingTo("12.50");
        assertThat(record.toString()).isEqualTo("{\"price\":12.50,\"big\":12345678901234567890.123456789}");
    }

    @Test
    void aRootArrayIsTheRecordsWhenThePathIsEmpty() {
        assertThat(records(parser("[{\"a\":1},{\"a\":2}]"))).containsExactly("{\"a\":1}", "{\"a\":2}");
    }

    @Test
    void aMissingOrNullPathIsAPageWithoutRecords() {
        assertThat(records(parser("{\"other\":[1]}", "data"))).isEmpty();
        assertThat(records(parser("{\"data\":null}", "data"))).isEmpty();
    }

    @Test
    void contentAfterTheDocumentIsMalformed() {
        assertThatThrownBy(() -> records(parser("{\"data\":[]} {", "data")))
                .hasMessage("GET http://api/x: malformed JSON response (more content after the end of the document)");
    }

    @Test
    void aTruncatedBodyIsMalformedWithItsPlace() {
        assertThatThrownBy(() -> records(parser("{\"data\":[{\"id\":1},{\"id\":", "data")))
                .hasMessageStartingWith("GET http://api/x: malformed JSON response at line 1, column");
    }

    @Test
    void aLargePageDecodesAtTensOfMegabytesPerSecondOnOneCore() {
        byte[] record =
                "{\"id\":123456,\"name\":\"a reasonably long product name\",\"price\":12.5,\"tags\":[\"a\",\"b\"],\"contact\":{\"email\":\"x@example.com\",\"phone\":null},\"updated_at\":\"2024-05-01T10:00:00Z\"},"
                        .getBytes(StandardCharsets.UTF_8);
        int n = 400_000;
        List<InputStream> parts = new ArrayList<>();
        parts.add(new ByteArrayInputStream("{\"data\":[".getBytes(StandardCharsets.UTF_8)));
        byte[] block = new byte[record.length * 1000];
        for (int i = 0; i < 1000; i++) {
            System.arraycopy(record, 0, block, i * record.length, record.length);
        }
        for (int i = 0; i < n / 1000; i++) {
            parts.add(new ByteArrayInputStream(block));
        }
        parts.add(new ByteArrayInputStream("{\"id\":0}]}".getBytes(StandardCharsets.UTF_8)));
        long bytes = (long) record.length * n;
        double mbPerSecond = 0;
        long count = 0;
        // Twice: the first pass also warms up the JIT, the second is what a long sync sees.
        for (int pass = 0; pass < 2; pass++) {
            List<InputStream> copy = new ArrayList<>();
            for (InputStream part : parts) {
                copy.add(part);
            }
            long start = System.nanoTime();
            PageParser parser =
                    new PageParser(new SequenceInputStream(Collections.enumeration(copy)), List.of("data"), "GET x");
            count = 0;
            while (parser.next() != null) {
                count++;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            mbPerSecond = bytes / 1e6 / seconds;
            System.out.printf(
                    "PageParser pass %d: %d records, %.1f MB in %.2f s: %.1f MB/s%n",
                    pass + 1, count, bytes / 1e6, seconds, mbPerSecond);
            for (InputStream part : parts) {
                try {
                    part.reset();
                } catch (java.io.IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        assertThat(count).isEqualTo(n + 1);
        assertThat(mbPerSecond)
                .as("MB/s on a shared machine; the bar is far below the target, which the benchmark measures")
                .isGreaterThan(5);
    }
}
