package io.tributary.connector.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class ConfigSpecJsonTextTest {

    private final ConfigSpec spec = ConfigSpec.of("test", ConfigField.string("schema"));

    @Test
    void keepsAMapGivenToAStringFieldAsJsonText() {
        ConnectorConfig config =
                spec.validate(Map.of("schema", Map.of("id", "integer", "tags", List.of("a"))), "sources.s.config");

        assertThat(JsonMapper.builder().build().readTree(config.string("schema")))
                .isEqualTo(JsonMapper.builder().build().readTree("{\"id\": \"integer\", \"tags\": [\"a\"]}"));
    }

    @Test
    void keepsAStringGivenToAStringFieldAsItIs() {
        assertThat(spec.validate(Map.of("schema", "{\"id\": \"integer\"}"), "p").string("schema"))
                .isEqualTo("{\"id\": \"integer\"}");
    }
}
