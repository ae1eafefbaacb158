package io.tributary.server.api.publicapi;

/** Token request with an unknown client or a wrong secret: answered 401 as problem JSON. */
class InvalidClientException extends RuntimeException {

    InvalidClientException() {
        super("unknown client_id or wrong client_secret");
    }
}
