package io.tributary.rest.declarative;

import io.tributary.connector.catalog.Catalog;
import io.tributary.connector.catalog.ConfiguredStream;
import io.tributary.connector.catalog.SyncMode;
import io.tributary.connector.config.ConfigException;
import io.tributary.connector.config.ConfigField;
import io.tributary.connector.config.ConfigSpec;
import io.tributary.connector.config.ConnectorConfig;
import io.tributary.connector.record.SourceRecord;
import io.tributary.connector.source.CheckResult;
import io.tributary.connector.source.Source;
import io.tributary.rest.http.ApiClient;
import io.tributary.rest.http.HttpStream;
import io.tributary.rest.http.HttpStreamReader;
import io.tributary.rest.http.HttpStreams;
import io.tributary.rest.http.RetryPolicy;
import io.tributary.rest.http.Secrets;
import io.tributary.rest.http.Templates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ItemStreamReader;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code declarative} source: an Airbyte low-code manifest (YAML), run unchanged on the shared
 * HTTP runtime. The manifest is read and every component checked by {@code spec}-time loading in
 * {@code check}, {@code discover} and {@code reader}, so an unsupported component stops a sync before
 * any request.
 */
public final class DeclarativeSource implements Source {

    static final ConfigField<String> MANIFEST = ConfigField.string("manifest")
            .required()
            .describe("The path of the connector's manifest.yaml (an Airbyte low-code manifest, unchanged)");
    static final ConfigField<Map<String, Object>> CONFIG = ConfigField.object("config")
            .secret()
            .describe("The configuration the manifest's spec asks for (its connection_specification)");
    static final ConfigField<Long> REQUEST_TIMEOUT = ConfigField.integer("request_timeout_seconds")
            .defaultsTo(60)
            .between(1, 3600)
            .describe("How long to wait for the answer to a request");
    static final ConfigField<Long> MAX_RETRIES = ConfigField.integer("max_retries")
            .defaultsTo(5)
            .between(0, 50)
            .describe(
                    "Retries of a request answered 429 or 5xx or lost on the network (waiting as Retry-After says, else 1 s doubled)");

    static final ConfigSpec SPEC =
            ConfigSpec.of("Declarative (low-code manifest) source", MANIFEST, CONFIG, REQUEST_TIMEOUT, MAX_RETRIES);

    /** The manifest compiled with one config, and the client its streams share. */
    record Loaded(ManifestCompiler.Compiled manifest, ApiClient client) {
        HttpStream stream(String name) {
            return manifest.streams().stream()
                    .filter(s -> s.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new ConfigException("unknown stream '" + name + "'; the manifest offers "
                            + manifest.streams().stream().map(HttpStream::name).toList()));
        }
    }

    @Override
    public String type() {
        return "declarative";
    }

    @Override
    public ConfigSpec spec() {
        return SPEC;
    }

    @Override
    public Optional<ObjectNode> definitionSpec(Path manifest) {
        return Optional.of(manifestSpec(manifest));
    }

    /** The manifest's own spec (its {@code connection_specification}), what {@code spec declarative --manifest FILE} prints. */
    public ObjectNode manifestSpec(Path manifest) {
        return new ManifestCompiler(
                        new Interpolation(Templates.shared()),
                        new Secrets(),
                        manifest.toAbsolutePath().getParent())
                .compile(ManifestLoader.load(manifest), Map.of(), false)
                .connectionSpecification();
    }

    Loaded load(ConnectorConfig config) {
        Secrets secrets = new Secrets();
        Map<String, Object> userConfig = CONFIG.get(config);
        Path manifest = Path.of(MANIFEST.get(config));
        ManifestCompiler.Compiled compiled = new ManifestCompiler(
                        new Interpolation(Templates.shared()),
                        secrets,
                        manifest.toAbsolutePath().getParent())
                .compile(ManifestLoader.load(manifest), userConfig);
        RetryPolicy retry = new RetryPolicy(
                MAX_RETRIES.intValue(config), Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(10));
        return new Loaded(
                compiled,
                new ApiClient(Duration.ofSeconds(10), Duration.ofSeconds(REQUEST_TIMEOUT.get(config)), retry, secrets));
    }

    @Override
    public CheckResult check(ConnectorConfig config) {
        Loaded loaded;
        try {
            loaded = load(config);
        } catch (ConfigException e) {
            return CheckResult.failure(e.getMessage());
        }
        List<String> names = loaded.manifest().checkStreams().isEmpty()
                ? List.of(loaded.manifest().streams().get(0).name())
                : loaded.manifest().checkStreams();
        for (String name : names) {
            CheckResult result = HttpStreams.check(List.of(loaded.stream(name)), loaded.client(), Templates.shared());
            if (!result.succeeded()) {
                return result;
            }
        }
        return CheckResult.success("streams " + names + " answer");
    }

    @Override
    public Catalog discover(ConnectorConfig config) {
        Loaded loaded = load(config);
        return new Catalog(loaded.manifest().streams().stream()
                .map(s -> HttpStreams.discover(s, loaded.client(), Templates.shared()))
                .toList());
    }

    @Override
    public ItemStreamReader<SourceRecord> reader(
            ConnectorConfig config, ConfiguredStream stream, Map<String, Object> previousSync) {
        Loaded loaded = load(config);
        HttpStream http = loaded.stream(stream.name());
        boolean incremental = stream.syncMode() == SyncMode.INCREMENTAL;
        if (incremental && http.incremental() == null) {
            throw new ConfigException("stream '" + stream.name()
                    + "': the manifest gives it no incremental_sync, so it reads full_refresh only");
        }
        return new HttpStreamReader(http, loaded.client(), Templates.shared(), incremental, previousSync);
    }
}
