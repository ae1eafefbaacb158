package io.tributary.rest.http;

import org.springframework.batch.infrastructure.item.ItemStreamException;

/** A request or a response that cannot be used; the message names the request (secrets masked) and the cause. */
public class RestApiException extends ItemStreamException {

    public RestApiException(String message) {
        super(message);
    }

    public RestApiException(String message, Throwable cause) {
        super(message, cause);
    }

    /** The response broke off while its body was read (connection lost or stalled): fetching the page again may work. */
    public static final class Broken extends RestApiException {
        public Broken(String message) {
            super(message);
        }
    }
}
