package io.tributary.server.api.config.definitions;

/** The fixed values every built-in connector's definition reports where Airbyte has a registry's. */
final class DefinitionFacts {

    static final String IMAGE_TAG = "0.1.0";
    static final String PROTOCOL_VERSION = "0.2.0";
    static final String RELEASE_STAGE = "generally_available";

    private DefinitionFacts() {}
}
