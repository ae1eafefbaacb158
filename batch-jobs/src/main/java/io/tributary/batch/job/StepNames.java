package io.tributary.batch.job;

import io.tributary.connector.catalog.ConfiguredStream;

/** The names of a stream's two steps: the chunked load, then the step that makes the load final. */
public final class StepNames {

    private StepNames() {}

    public static String load(ConfiguredStream stream) {
        return "load:" + stream.stream().qualifiedName();
    }

    public static String complete(ConfiguredStream stream) {
        return "complete:" + stream.stream().qualifiedName();
    }

    public static boolean isLoad(String stepName) {
        return stepName.startsWith("load:");
    }

    /** The stream's qualified name from a step name. */
    public static String stream(String stepName) {
        return stepName.substring(stepName.indexOf(':') + 1);
    }
}
