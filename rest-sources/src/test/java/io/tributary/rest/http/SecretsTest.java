package io.tributary.rest.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SecretsTest {

    @Test
    void secretValuesAreMaskedAlsoWhenUrlEncoded() {
        Secrets secrets = new Secrets().add("p@ss word");
        assertThat(secrets.mask("login with p@ss word failed")).isEqualTo("login with ********** failed");
        assertThat(secrets.maskUrl("https://api/x?q=p%40ss+word")).isEqualTo("https://api/x?q=**********");
    }

    @Test
    void credentialLikeQueryParametersAreMaskedWhateverTheirValue() {
        assertThat(new Secrets().maskUrl("https://api/x?page=2&api_key=abc&access_token=xyz&sort=id"))
                .isEqualTo("https://api/x?page=2&api_key=**********&access_token=**********&sort=id");
    }

    @Test
    void veryShortValuesAreNotMaskedSoMessagesStayReadable() {
        assertThat(new Secrets().add("1").mask("page 1 of 10")).isEqualTo("page 1 of 10");
    }

    @Test
    void settingNamesThatHoldCredentialsAreRecognised() {
        assertThat(Secrets.isSecretName("client_secret")).isTrue();
        assertThat(Secrets.isSecretName("api_key")).isTrue();
        assertThat(Secrets.isSecretName("refresh_token")).isTrue();
        assertThat(Secrets.isSecretName("token_url")).isFalse();
        assertThat(Secrets.isSecretName("username")).isFalse();
    }
}
