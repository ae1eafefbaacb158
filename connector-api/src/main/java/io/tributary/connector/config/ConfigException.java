package io.tributary.connector.config;

import java.util.List;

/**
 * A configuration that cannot be used, with one message per problem. Each message names the place
 * (for example {@code sources.shop.config.port}) and says what to change.
 */
public class ConfigException extends RuntimeException {

    private final List<String> problems;

    public ConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public ConfigException(String problem) {
        this(List.of(problem));
    }

    public List<String> problems() {
        return problems;
    }
}
