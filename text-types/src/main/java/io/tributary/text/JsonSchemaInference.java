package io.tributary.text;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Infers a JSON Schema from sample values fed one at a time; memory grows with the shape of the
 * data (the distinct property paths), never with the number of values.
 *
 * <pre>{@code
 * JsonSchemaInference inference = JsonSchemaInference.builder().maxSamples(1000).build();
 * while (inference.wantsMore() && records.hasNext()) {
 *     inference.accept(records.next());
 * }
 * ObjectNode streamSchema = inference.recordSchema();
 * }</pre>
 *
 * <p>Rules (the stream schema conventions):
 * <ul>
 *   <li>every type is a union with {@code "null"}: {@code {"type":["null","integer"]}}; a place
 *       where only nulls (or no array element) were seen is a nullable string;</li>
 *   <li>JSON booleans are {@code boolean}, whole numbers that fit 64 bits {@code integer}, other
 *       numbers {@code number}; strings are {@code string}, with {@code format} {@code date} or
 *       {@code date-time} (and {@code airbyte_type}) when every sampled value has that format;</li>
 *   <li>with {@link Builder#typesFromText(boolean)} strings are read as text that may stand for
 *       another type (a CSV cell): see {@link TextType#detect(String)};</li>
 *   <li>objects carry {@code properties} (the union of the properties seen, in first-seen order),
 *       arrays carry {@code items} (the widening of all their elements);</li>
 *   <li>conflicts widen: {@code integer} + {@code number} is {@code number}; any other pair of
 *       different scalar types, and an object or array next to anything else, is {@code string};</li>
 *   <li>an object with more than {@link Builder#maxProperties(int)} distinct properties is a map
 *       keyed by data: it stays an object without {@code properties} (one JSON column downstream).</li>
 * </ul>
 *
 * <p>Not thread-safe: one instance per inference.
 */
public final class JsonSchemaInference {

    /** How values are interpreted and how much is sampled. */
    record Options(int maxSamples, boolean typesFromText, boolean stringFormats, int maxProperties) {}

    private final Options options;
    private final InferredType root = new InferredType();
    private long sampled;

    private JsonSchemaInference(Options options) {
        this.options = options;
    }

    /** An inference of up to 1000 JSON values, detecting date and date-time strings. */
    public static JsonSchemaInference forJson() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds one value (usually a record) to the sample.
     *
     * @return {@code false} when the sample was already full and the value was ignored
     */
    public boolean accept(JsonNode value) {
        if (!wantsMore()) {
            return false;
        }
        root.observe(value, options);
        sampled++;
        return true;
    }

    /** Whether the sample still has room; feeders stop reading when it has none. */
    public boolean wantsMore() {
        return sampled < options.maxSamples();
    }

    /** How many values were accepted. */
    public long sampled() {
        return sampled;
    }

    /**
     * The nullable schema of the values seen, as a property schema: what a {@code jsonb} column or a
     * nested field is declared with.
     */
    public ObjectNode schema() {
        return root.schema();
    }

    /**
     * The schema of a stream whose records are the values seen: {@code {"type":"object",
     * "properties":{...}}}.
     *
     * @throws IllegalStateException when a value was not a JSON object
     */
    public ObjectNode recordSchema() {
        if (!root.isObjectOrNothing()) {
            throw new IllegalStateException(
                    "the sampled values are not all JSON objects; a stream's records must be objects");
        }
        ObjectNode schema = JsonNodeFactory.instance.objectNode();
        schema.put("$schema", "http://json-schema.org/draft-07/schema#");
        schema.put("type", "object");
        schema.set("properties", root.propertiesSchema());
        return schema;
    }

    /** Options of an inference; each has a default that suits JSON records. */
    public static final class Builder {

        private int maxSamples = 1000;
        private boolean typesFromText;
        private boolean stringFormats = true;
        private int maxProperties = 1000;

        private Builder() {}

        /** How many values are sampled at most (default 1000). */
        public Builder maxSamples(int maxSamples) {
            if (maxSamples < 1) {
                throw new IllegalArgumentException("maxSamples must be at least 1, got " + maxSamples);
            }
            this.maxSamples = maxSamples;
            return this;
        }

        /**
         * Whether strings are text standing for any type, as CSV cells are: {@code "42"} is then an
         * integer (default {@code false}: JSON strings are strings). Implies date formats.
         */
        public Builder typesFromText(boolean typesFromText) {
            this.typesFromText = typesFromText;
            return this;
        }

        /** Whether date and date-time strings get a {@code format} (default {@code true}). */
        public Builder stringFormats(boolean stringFormats) {
            this.stringFormats = stringFormats;
            return this;
        }

        /** How many distinct properties an object may have before it is kept as opaque JSON (default 1000). */
        public Builder maxProperties(int maxProperties) {
            if (maxProperties < 1) {
                throw new IllegalArgumentException("maxProperties must be at least 1, got " + maxProperties);
            }
            this.maxProperties = maxProperties;
            return this;
        }

        public JsonSchemaInference build() {
            return new JsonSchemaInference(new Options(maxSamples, typesFromText, stringFormats, maxProperties));
        }
    }
}
