package io.tributary.server.service;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.destination.Destination;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.server.logging.SecretMasker;
import io.tributary.server.store.Actor;
import io.tributary.server.store.ActorKind;
import io.tributary.server.store.ActorStore;
import io.tributary.server.store.NotFoundException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Sources and destinations: their connector definitions, settings validated by each connector's
 * {@link ConfigSpec} (every problem named), secrets masked on the way out and kept when an update
 * sends the mask back, and the check and discover verbs.
 */
@Service
public class Connectors {

    private static final Logger log = LoggerFactory.getLogger(Connectors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ConnectorRegistry registry;
    private final ActorStore actors;

    public Connectors(ConnectorRegistry registry, ActorStore actors) {
        this.registry = registry;
        this.actors = actors;
        for (ActorKind kind : ActorKind.values()) {
            for (Actor actor : actors.listAll(kind)) {
                registerSecrets(actor);
            }
        }
    }

    /** A connector type by its definition id. */
    public record Definition(UUID id, ActorKind kind, String type, ConfigSpec spec) {}

    public List<Definition> definitions(ActorKind kind) {
        Map<String, ConfigSpec> specs = new LinkedHashMap<>();
        if (kind == ActorKind.SOURCE) {
            new java.util.TreeMap<>(registry.sources()).forEach((type, s) -> specs.put(type, s.spec()));
        } else {
            new java.util.TreeMap<>(registry.destinations()).forEach((type, d) -> specs.put(type, d.spec()));
        }
        return specs.entrySet().stream()
                .map(e -> new Definition(DefinitionIds.of(kind, e.getKey()), kind, e.getKey(), e.getValue()))
                .toList();
    }

    public Definition definition(ActorKind kind, UUID definitionId) {
        return definitions(kind).stream()
                .filter(d -> d.id().equals(definitionId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException(kind.wireName() + "_definition", definitionId));
    }

    public Definition definitionOf(Actor actor) {
        return definitions(actor.kind()).stream()
                .filter(d -> d.type().equals(actor.connectorType()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(actor.kind().wireName() + " " + actor.id()
                        + " uses connector type '" + actor.connectorType() + "', which is not installed"));
    }

    public Actor create(ActorKind kind, UUID workspaceId, String name, UUID definitionId, JsonNode configuration) {
        Definition definition = definition(kind, definitionId);
        ObjectNode config = objectOrFail(configuration);
        validate(definition.spec(), config);
        Actor actor = actors.create(kind, workspaceId, name, definition.type(), config);
        registerSecrets(actor);
        return actor;
    }

    /** Updates name and settings; a secret sent as {@link ConfigSpec#MASK} keeps its stored value. */
    public Actor update(ActorKind kind, UUID id, String name, JsonNode configuration) {
        Actor current = actors.get(kind, id);
        Definition definition = definitionOf(current);
        ObjectNode config = objectOrFail(configuration);
        for (var field : definition.spec().fields()) {
            JsonNode sent = config.get(field.name());
            if (field.isSecret() && sent != null && ConfigSpec.MASK.equals(sent.asString(""))) {
                JsonNode stored = current.configuration().get(field.name());
                if (stored == null) {
                    config.remove(field.name());
                } else {
                    config.set(field.name(), stored);
                }
            }
        }
        validate(definition.spec(), config);
        Actor actor = actors.update(kind, id, name == null ? current.name() : name, config);
        registerSecrets(actor);
        return actor;
    }

    /** The settings as the API shows them: every secret replaced by the mask. */
    public ObjectNode masked(Actor actor) {
        ObjectNode copy = actor.configuration().deepCopy();
        ConfigSpec spec = definitionOf(actor).spec();
        for (var field : spec.fields()) {
            if (field.isSecret()
                    && copy.has(field.name())
                    && !copy.get(field.name()).isNull()) {
                copy.put(field.name(), ConfigSpec.MASK);
            }
        }
        return copy;
    }

    public CheckResult check(Actor actor) {
        try {
            Definition definition = definitionOf(actor);
            var config = definition
                    .spec()
                    .validate(values(actor.configuration()), actor.kind().wireName() + "s." + actor.name());
            CheckResult result = actor.kind() == ActorKind.SOURCE
                    ? registry.source(actor.connectorType()).check(config)
                    : registry.destination(actor.connectorType()).check(config);
            return new CheckResult(result.succeeded(), SecretMasker.mask(result.message()));
        } catch (ConfigException e) {
            return CheckResult.failure(SecretMasker.mask(e.getMessage()));
        } catch (RuntimeException e) {
            log.warn("Check of {} {} failed: {}", actor.kind().wireName(), actor.id(), e.getMessage());
            return CheckResult.failure(
                    SecretMasker.mask(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    public Catalog discover(Actor source) {
        Source connector = registry.source(source.connectorType());
        var config = connector.spec().validate(values(source.configuration()), "sources." + source.name());
        return connector.discover(config);
    }

    public Destination destination(String type) {
        return registry.destination(type);
    }

    /** Settings as plain Java values, as connectors take them. */
    public static Map<String, Object> values(ObjectNode configuration) {
        Map<String, Object> values = JSON.convertValue(configuration, new TypeReference<Map<String, Object>>() {});
        values.values().removeIf(java.util.Objects::isNull);
        return values;
    }

    private static void validate(ConfigSpec spec, ObjectNode config) {
        try {
            spec.validate(values(config), "connectionConfiguration");
        } catch (ConfigException e) {
            throw InvalidInputException.of(e);
        }
    }

    private static ObjectNode objectOrFail(JsonNode configuration) {
        if (configuration == null || configuration.isNull() || configuration.isMissingNode()) {
            return JSON.createObjectNode();
        }
        if (!configuration.isObject()) {
            throw new InvalidInputException(
                    "connectionConfiguration", configuration.toString(), "must be a JSON object of settings");
        }
        return ((ObjectNode) configuration).deepCopy();
    }

    private void registerSecrets(Actor actor) {
        try {
            SecretMasker.registerSecrets(definitionOf(actor).spec(), values(actor.configuration()));
        } catch (IllegalStateException e) {
            log.warn("{}", e.getMessage());
        }
    }
}
