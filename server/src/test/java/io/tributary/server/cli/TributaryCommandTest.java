package io.tributary.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TributaryCommandTest {

    @TempDir
    Path dir;

    @Test
    void helpListsEveryCommandAndExitsZero() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("spec", "check", "discover", "sync", "restart", "jobs", "demo", "Exit codes");
    }

    @Test
    void eachCommandHasItsOwnHelp() {
        for (String command : new String[] {"spec", "check", "discover", "sync", "restart", "jobs", "demo"}) {
            CliRun run = CliRun.of(command, "--help");
            assertThat(run.exitCode()).as(command).isZero();
            assertThat(run.out()).as(command).contains("Usage: tributary " + command);
        }
    }

    @Test
    void specPrintsTheJsonSchemaOfAConnectorWithSecretsMarked() {
        CliRun run = CliRun.of("spec", "file");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"$schema\"", "\"url\"");
    }

    @Test
    void specOfTheDeclarativeSourceWithAManifestPrintsTheSettingsTheManifestAsksFor() throws java.io.IOException {
        java.nio.file.Path manifest = dir.resolve("weather.yaml");
        java.nio.file.Files.writeString(manifest, """
                version: 6.7.0
                type: DeclarativeSource
                check: { type: CheckStream, stream_names: [days] }
                streams:
                  - type: DeclarativeStream
                    name: days
                    retriever:
                      type: SimpleRetriever
                      requester: { type: HttpRequester, url_base: "{{ config['base_url'] }}", path: /days }
                      record_selector: { type: RecordSelector, extractor: { type: DpathExtractor, field_path: [] } }
                spec:
                  type: Spec
                  connection_specification:
                    type: object
                    required: [base_url, station]
                    properties:
                      base_url: { type: string }
                      station: { type: string, description: The weather station }
                """);
        CliRun run = CliRun.of("spec", "declarative", "--manifest", manifest.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("\"station\"", "The weather station", "\"base_url\"");
        CliRun notDefinedByAFile = CliRun.of("spec", "file", "--manifest", manifest.toString());
        assertThat(notDefinedByAFile.exitCode()).isEqualTo(2);
        assertThat(notDefinedByAFile.err()).contains("source 'file' is not defined by a file");
    }

    @Test
    void anUnknownConnectorTypeIsOneClearErrorLineWithExitCodeTwo() {
        CliRun run = CliRun.of("spec", "oracle");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip())
                .startsWith("error: unknown connector type 'oracle'; source types: [")
                .doesNotContain("\tat ");
    }

    @Test
    void aMissingConnectionsFileIsAClearErrorWithExitCodeTwo() {
        CliRun run = CliRun.of("sync", "--config", dir.resolve("nope.yml").toString(), "--connection", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("error: connections file not found").doesNotContain("Exception");
    }

    @Test
    void anUnknownConnectionNameListsTheDeclaredOnes() throws Exception {
        Path config = dir.resolve("c.yml");
        Files.writeString(config, """
                sources: { f: { type: file, config: { url: /tmp/x.csv, format: csv } } }
                destinations: { l: { type: local, config: { destination_path: /tmp/out } } }
                connections: { files: { source: f, destination: l } }
                """);
        CliRun run = CliRun.of("sync", "--config", config.toString(), "--connection", "filez");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no connection named 'filez'", "[files]");
    }

    @Test
    void aMissingRequiredOptionIsAUsageErrorWithExitCodeTwo() {
        CliRun run = CliRun.of("sync", "--connection", "x");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Missing required option: '--config=FILE'");
    }
}
