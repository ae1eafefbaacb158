package io.tributary.connector.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigFieldTest {

    enum Mode implements ConfigField.Choice {
        VERIFY_FULL("verify-full"),
        DISABLE("disable");

        private final String value;

        Mode(String value) {
            this.value = value;
        }

        @Override
        public String settingValue() {
            return value;
        }
    }

    private static final ConfigField<String> HOST = ConfigField.string("host").required();
    private static final ConfigField<Long> PORT =
            ConfigField.integer("port").defaultsTo(5432).between(1, 65535);
    private static final ConfigField<Mode> MODE =
            ConfigField.choice("mode", Mode.class).defaultsTo(Mode.DISABLE);
    private static final ConfigField<List<String>> SCHEMAS = ConfigField.list("schemas");
    private static final ConfigField<String> NOTE = ConfigField.string("note");
    private static final ConfigSpec SPEC = ConfigSpec.of("Test", HOST, PORT, MODE, SCHEMAS, NOTE);

    @Test
    void aFieldReadsItsOwnTypedValueWithDefaultsApplied() {
        ConnectorConfig config = SPEC.validate(Map.of("host", "db", "mode", "VERIFY-FULL"), "sources.x.config");
        assertThat(HOST.get(config)).isEqualTo("db");
        assertThat(PORT.get(config)).isEqualTo(5432L);
        assertThat(PORT.intValue(config)).isEqualTo(5432);
        assertThat(MODE.get(config)).isEqualTo(Mode.VERIFY_FULL);
        assertThat(SCHEMAS.get(config)).isEmpty();
        assertThat(NOTE.optional(config)).isEmpty();
    }

    @Test
    void aChoiceAcceptsOnlyItsEnumsSpellingsAndSaysWhichOnesExist() {
        assertThat(SPEC.toJsonSchema()
                        .path("properties")
                        .path("mode")
                        .path("enum")
                        .toString())
                .isEqualTo("[\"verify-full\",\"disable\"]");
        assertThat(SPEC.toJsonSchema()
                        .path("properties")
                        .path("mode")
                        .path("default")
                        .asString())
                .isEqualTo("disable");
        assertThatThrownBy(() -> SPEC.validate(Map.of("host", "db", "mode", "verify_full"), "sources.x.config"))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining(
                        "sources.x.config.mode: 'verify_full' is not allowed; use one of [verify-full, disable]");
    }

    @Test
    void aFieldRefusesAConfigurationOfAnotherSpec() {
        ConnectorConfig other =
                ConfigSpec.of("Other", ConfigField.string("host")).validate(Map.of("host", "db"), "x");
        assertThatThrownBy(() -> HOST.get(other))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not declared by Other");
    }
}
