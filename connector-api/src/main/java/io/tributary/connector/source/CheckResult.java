package io.tributary.connector.source;

/** The answer of a connector's {@code check}: succeeded, or failed with a message a user can act on. */
public record CheckResult(boolean succeeded, String message) {

    public static CheckResult success(String message) {
        return new CheckResult(true, message);
    }

    public static CheckResult failure(String message) {
        return new CheckResult(false, message);
    }

    /** The protocol's spelling: {@code succeeded} or {@code failed}. */
    public String status() {
        return succeeded ? "succeeded" : "failed";
    }
}
