package io.tributary.server.store;

/** An id that names nothing stored (answered 404). */
public class NotFoundException extends RuntimeException {

    private final String id;

    public NotFoundException(String kind, Object id) {
        super("Could not find " + kind + " with id: " + id);
        this.id = String.valueOf(id);
    }

    public String id() {
        return id;
    }
}
