package io.tributary.rest.http;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/** A request or a response that cannot be used; the message names the request (secrets masked) and the cause. */
public final class RestApiException extends ItemStreamException {

    public RestApiException(String message) {
        super(message);
    }

    public RestApiException(String message, Throwable cause) {
        super(message, cause);
    }
}
