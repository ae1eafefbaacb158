package io.tributary.rest.declarative;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tributary.connector.config.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Components this runtime does not implement fail when the manifest is loaded (check, discover, read), with their place. */
class DeclarativeUnsupportedComponentsTest {

    @TempDir
    Path dir;

    private static final String STREAM = """
            type: DeclarativeSource
            check: { type: CheckStream, stream_names: [a] }
            streams:
              - type: DeclarativeStream
                name: a
                retriever:
                  type: SimpleRetriever
                  requester: { type: HttpRequester, url_base: "http://127.0.0.1:1", path: /a%s }
                  record_selector: { type: RecordSelector, extractor: { type: DpathExtractor, field_path: [] } }
                  %s
                %s
            """;

    private String loadError(String requesterExtra, String retrieverExtra, String streamExtra) throws Exception {
        Path manifest = dir.resolve("manifest.yaml");
        Files.writeString(manifest, STREAM.formatted(requesterExtra, retrieverExtra, streamExtra));
        var result = DeclarativeFixture.SOURCE.check(DeclarativeFixture.config(manifest, Map.of()));
        assertThat(result.succeeded()).isFalse();
        return result.message();
    }

    @Test
    void aCustomPaginationStrategyNeedsPythonAndIsRefusedWithItsPlace() throws Exception {
        assertThat(loadError(
                        "",
                        "paginator: { type: DefaultPaginator, pagination_strategy: { type: CustomPaginationStrategy,"
                                + " class_name: source_x.components.Mine } }",
                        ""))
                .isEqualTo(
                        "manifest: streams[0].retriever.paginator.pagination_strategy: CustomPaginationStrategy needs Python code"
                                + " and is not supported");
    }

    @Test
    void anUnknownComponentTypeIsRefusedWithTheSupportedOnes() throws Exception {
        assertThat(loadError(
                        "",
                        "paginator: { type: DefaultPaginator, pagination_strategy: { type: FancyPagination } }",
                        ""))
                .startsWith(
                        "manifest: streams[0].retriever.paginator.pagination_strategy: FancyPagination is not supported (yet);"
                                + " supported here: [CursorPagination, OffsetIncrement, PageIncrement]");
    }

    @Test
    void aCursorsLookbackWindowIsRefusedAtLoadTimeNotMidSync() throws Exception {
        assertThat(loadError(
                        "",
                        "",
                        "incremental_sync: { type: DatetimeBasedCursor, cursor_field: updated_at, start_datetime: x,"
                                + " lookback_window: P1D }"))
                .isEqualTo(
                        "manifest: streams[0].incremental_sync: DatetimeBasedCursor.lookback_window is not supported (yet)");
    }

    @Test
    void aCustomAuthenticatorIsRefused() throws Exception {
        assertThat(loadError(", authenticator: { type: CustomAuthenticator, class_name: x.Y }", "", ""))
                .isEqualTo(
                        "manifest: streams[0].retriever.requester.authenticator: CustomAuthenticator needs Python code and is not supported");
    }

    @Test
    void aCompositeErrorHandlerAndResponseFiltersAreRefusedUntilTheyAreImplemented() throws Exception {
        assertThat(loadError(", error_handler: { type: CompositeErrorHandler }", "", ""))
                .isEqualTo(
                        "manifest: streams[0].retriever.requester.error_handler: CompositeErrorHandler is not supported (yet);"
                                + " supported here: [DefaultErrorHandler]");
        assertThat(loadError(
                        ", error_handler: { type: DefaultErrorHandler, response_filters: [{ action: IGNORE, http_codes: [404] }] }",
                        "",
                        ""))
                .isEqualTo(
                        "manifest: streams[0].retriever.requester.error_handler: DefaultErrorHandler.response_filters is not supported (yet)");
    }

    @Test
    void aReferenceToNothingNamesWhereItIsWritten() throws Exception {
        Path manifest = dir.resolve("ref.yaml");
        Files.writeString(manifest, """
                type: DeclarativeSource
                streams:
                  - $ref: "#/definitions/missing_stream"
                """);
        assertThatThrownBy(() -> DeclarativeFixture.SOURCE.discover(DeclarativeFixture.config(manifest, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessage(
                        "manifest: streams[0].$ref: the reference #/definitions/missing_stream points at nothing ('definitions' not found)");
    }

    @Test
    void aManifestThatIsNotYamlSaysSo() throws Exception {
        Path manifest = dir.resolve("bad.yaml");
        Files.writeString(manifest, "streams: [\n  - a: b\n");
        assertThatThrownBy(() -> DeclarativeFixture.SOURCE.discover(DeclarativeFixture.config(manifest, Map.of())))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("manifest: " + manifest + " is not valid YAML");
    }
}
