package io.tributary.server.service;

/** A request that contradicts the current state, e.g. a second sync of a connection (answered 409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
