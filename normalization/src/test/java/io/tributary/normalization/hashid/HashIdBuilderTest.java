package io.tributary.normalization.hashid;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;

class HashIdBuilderTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HashIdBuilder hash = new HashIdBuilder();

    @Test
    void isTheMd5OfTheCompactJsonArrayOfTheInputs() throws Exception {
        hash.start();
        hash.addValue(JSON.readTree("1"));
        hash.addValue(JSON.readTree("\"Ada\""));
        hash.addNull();
        hash.addValue(JSON.readTree("true"));
        hash.addValue(JSON.readTree("{\"b\": [1, null, false], \"a\": {}}"));
        hash.addString("parent");
        hash.addLong(-42);
        hash.addValue(JsonNodeFactory.instance.numberNode(new BigDecimal("1.50")));
        assertThat(hash.finish())
                .isEqualTo(md5("[1,\"Ada\",null,true,{\"b\":[1,null,false],\"a\":{}},\"parent\",-42,1.50]"));
    }

    @Test
    void hashesAnEmptyRowAsAnEmptyArray() throws Exception {
        hash.start();
        assertThat(hash.finish()).isEqualTo(md5("[]"));
    }

    @Test
    void escapesStringsCanonically() throws Exception {
        hash.start();
        hash.addString("quote \" backslash \\ tab \t newline \n bell \u0007 é 名 😀");
        assertThat(hash.finish())
                .isEqualTo(md5("[\"quote \\\" backslash \\\\ tab \\t newline \\n bell \\u0007 é 名 😀\"]"));
    }

    @Test
    void writesLongsOfEveryMagnitude() throws Exception {
        hash.start();
        for (long value : new long[] {0, 9, 10, Long.MAX_VALUE, Long.MIN_VALUE}) {
            hash.addLong(value);
        }
        assertThat(hash.finish()).isEqualTo(md5("[0,9,10," + Long.MAX_VALUE + "," + Long.MIN_VALUE + "]"));
    }

    @Test
    void streamsLargeValuesThroughItsBufferToTheSameDigest() throws Exception {
        ArrayNode big = JsonNodeFactory.instance.arrayNode();
        StringBuilder expected = new StringBuilder("[[");
        for (int i = 0; i < 5_000; i++) {
            String text = "item-" + i + "-é-" + "x".repeat(i % 17);
            big.add(text);
            expected.append(i == 0 ? "" : ",").append('"').append(text).append('"');
        }
        expected.append("]]");
        hash.start();
        hash.addValue(big);
        assertThat(hash.finish()).isEqualTo(md5(expected.toString()));
    }

    @Test
    void startsAfreshForEachRow() throws Exception {
        hash.start();
        hash.addString("first row");
        hash.finish();
        hash.start();
        hash.addString("second");
        assertThat(hash.finish()).isEqualTo(md5("[\"second\"]"));
    }

    private static String md5(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
        return String.format("%032x", new BigInteger(1, digest));
    }
}
