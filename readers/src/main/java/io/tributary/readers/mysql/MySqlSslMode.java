package io.tributary.readers.mysql;

import io.tributary.connector.config.ConfigField;

/**
 * The {@code ssl_mode} values of Airbyte's MySQL source, and what each asks of MariaDB Connector/J,
 * whose own modes are {@code disable}, {@code trust}, {@code verify-ca} and {@code verify-full}.
 */
enum MySqlSslMode implements ConfigField.Choice {
    /** TLS when the server offers it, else plain: the driver has no such mode, so a refusal is retried without TLS. */
    PREFERRED("preferred", "trust"),
    /** TLS or no connection; the certificate is not checked. */
    REQUIRED("required", "trust"),
    /** TLS with the server certificate checked against {@code ca_certificate}. */
    VERIFY_CA("verify_ca", "verify-ca"),
    /** As verify_ca, and the certificate must name the host. */
    VERIFY_IDENTITY("verify_identity", "verify-full");

    private final String setting;
    private final String driverMode;

    MySqlSslMode(String setting, String driverMode) {
        this.setting = setting;
        this.driverMode = driverMode;
    }

    @Override
    public String settingValue() {
        return setting;
    }

    /** Connector/J's {@code sslMode}. */
    String driverMode() {
        return driverMode;
    }

    boolean verifiesCertificate() {
        return this == VERIFY_CA || this == VERIFY_IDENTITY;
    }
}
