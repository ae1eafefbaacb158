package io.tributary.server.logging;

import ch.qos.logback.classic.pattern.ExtendedThrowableProxyConverter;
import ch.qos.logback.classic.spi.IThrowableProxy;

/** Logback's {@code %ex} (stack traces) with every known secret masked; {@code %maskedEx} in logback.xml. */
public final class MaskingThrowableConverter extends ExtendedThrowableProxyConverter {

    @Override
    protected String throwableProxyToString(IThrowableProxy tp) {
        return SecretMasker.mask(super.throwableProxyToString(tp));
    }
}
