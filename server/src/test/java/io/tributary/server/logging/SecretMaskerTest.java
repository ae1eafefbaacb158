package io.tributary.server.logging;

import static org.assertj.core.api.Assertions.assertThat;

import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void masksEveryRegisteredSecretLongestFirstAndLeavesOtherTextAlone() {
        ConfigSpec spec = ConfigSpec.of("t", ConfigField.string("password").secret(), ConfigField.string("host"));
        SecretMasker.registerSecrets(spec, Map.of("password", "hunter2-masker", "host", "db.example"));
        SecretMasker.register("hunter2-masker-longer");
        assertThat(SecretMasker.mask("login with hunter2-masker-longer failed for hunter2-masker at db.example"))
                .isEqualTo("login with ********** failed for ********** at db.example");
        assertThat(SecretMasker.mask(null)).isNull();
    }

    @Test
    void ignoresValuesTooShortToBeSecretsAndTheMaskItself() {
        SecretMasker.register("ab");
        SecretMasker.register("**********");
        assertThat(SecretMasker.mask("ab cd **********")).isEqualTo("ab cd **********");
    }
}
