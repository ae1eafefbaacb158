package io.tributary.server.cli;

import io.tributary.batch.config.ConnectionsFileLoader;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.engine.SyncEngine;
import io.tributary.batch.engine.SyncResult;
import io.tributary.connector.registry.ConnectorRegistry;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code tributary demo}: a self-contained tour. Fills a {@code customers} table (nested contact
 * object, array of addresses) in the embedded PostgreSQL and writes a CSV file, writes a connections
 * file for them, and syncs them to the local destination (and into a PostgreSQL database when that
 * destination is installed). Nothing needs to be installed but a JDK.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description =
                "Run a demo: generate a customers table and a CSV file, sync them into ./tributary-demo, print where the output is.")
final class DemoCommand implements Callable<Integer> {

    @Option(
            names = "--output",
            defaultValue = "tributary-demo",
            paramLabel = "DIR",
            description = "Directory for the demo's input, connections file and output (default: ${DEFAULT-VALUE}).")
    Path output;

    @Option(
            names = "--rows",
            defaultValue = "5000",
            paramLabel = "N",
            description = "Rows of the customers table and CSV file (default: ${DEFAULT-VALUE}).")
    int rows;

    @Mixin
    RepositoryOptions repository;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = output.toAbsolutePath().normalize();
        Files.createDirectories(dir);
        if (repository.dataDir == null && (repository.url == null || repository.url.isBlank())) {
            repository.dataDir = dir.resolve("repository");
        }
        ConnectorRegistry registry = ConnectorRegistry.load();
        try (RepositoryOptions.OpenRepository repo = repository.open()) {
            String jdbcUrl = repo.dataSource().getJdbcUrl();
            Path csv = writeCsv(dir.resolve("customers.csv"), rows);
            boolean postgres = registry.sources().containsKey("postgres");
            String host = "localhost";
            int port = portOf(jdbcUrl);
            if (postgres) {
                fillCustomers(repo, rows);
            }
            Path connections = dir.resolve("connections.yml");
            List<String> names = writeConnections(
                    connections,
                    dir,
                    csv,
                    host,
                    port,
                    postgres,
                    registry.destinations().containsKey("postgres"));
            out.println("Demo input: " + csv
                    + (postgres ? " and table demo.public.customers on " + host + ":" + port : ""));
            out.println("Connections file: " + connections);
            TributaryConfig config = new ConnectionsFileLoader().load(connections);
            SyncEngine engine = SyncEngine.create(repo.dataSource(), registry, Duration.ofSeconds(5));
            int exit = 0;
            for (String name : names) {
                SyncResult result = engine.sync(config, name);
                exit = Math.max(
                        exit, SyncOutput.print(result, out, spec.commandLine().getErr()));
            }
            out.println();
            out.println("Output (local destination): " + dir.resolve("lake"));
            try (var files = Files.walk(dir.resolve("lake"))) {
                files.filter(Files::isRegularFile)
                        .sorted()
                        .limit(20)
                        .forEach(f -> out.println("  " + dir.relativize(f)));
            }
            if (names.contains("customers_pg_to_warehouse")) {
                out.println("Output (PostgreSQL destination): database demo_warehouse on " + host + ":" + port
                        + ", schema public, tables customers and customers_addresses");
            }
            out.println("Run it again with: java -jar server/target/tributary.jar sync --config " + connections
                    + " --connection " + names.get(0) + " --data-dir " + repository.dataDir);
            return exit;
        }
    }

    private static int portOf(String jdbcUrl) {
        String hostPort =
                jdbcUrl.substring("jdbc:postgresql://".length(), jdbcUrl.indexOf('/', "jdbc:postgresql://".length()));
        return Integer.parseInt(hostPort.substring(hostPort.indexOf(':') + 1));
    }

    static Path writeCsv(Path file, int rows) {
        String[] cities = {"Paris", "Boston", "Lyon", "Berlin", "Oslo", "Lisbon"};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("id,name,email,signup_date,balance,active\n");
            LocalDate start = LocalDate.of(2024, 1, 1);
            for (int i = 1; i <= rows; i++) {
                w.write(String.format(
                        Locale.ROOT,
                        "%d,\"Customer %d, %s\",customer%d@example.com,%s,%d.%02d,%s%n",
                        i,
                        i,
                        cities[i % cities.length],
                        i,
                        start.plusDays(i % 365),
                        (i * 37) % 10_000,
                        i % 100,
                        i % 3 != 0));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    private static void fillCustomers(RepositoryOptions.OpenRepository repo, int rows) throws SQLException {
        try (Connection c = repo.dataSource().getConnection();
                Statement s = c.createStatement()) {
            c.setAutoCommit(true);
            for (String db : List.of("demo", "demo_warehouse")) {
                var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'");
                if (!rs.next()) {
                    s.execute("CREATE DATABASE " + db);
                }
            }
        }
        String url = repo.dataSource().getJdbcUrl().replaceFirst("/[^/]*$", "/demo");
        try (Connection c = java.sql.DriverManager.getConnection(url, "postgres", null);
                Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS customers");
            s.execute("""
                    CREATE TABLE customers (
                      id bigint PRIMARY KEY,
                      name text NOT NULL,
                      contact jsonb,
                      addresses jsonb,
                      updated_at timestamptz NOT NULL)""");
            s.execute("""
                    INSERT INTO customers
                    SELECT i,
                           'Customer ' || i,
                           jsonb_build_object('email', 'customer' || i || '@example.com', 'phone', '+33 1 ' || lpad((i %% 10000)::text, 4, '0')),
                           (SELECT jsonb_agg(jsonb_build_object('street', (i * 7 + a) || ' Main St',
                                                                'city', (ARRAY['Paris','Boston','Lyon','Berlin'])[1 + (i + a) %% 4]))
                              FROM generate_series(1, 1 + i %% 3) a),
                           timestamptz '2025-01-01 00:00:00+00' + i * interval '1 minute'
                    FROM generate_series(1, %d) i""".formatted(rows));
        }
    }

    private static List<String> writeConnections(
            Path file, Path dir, Path csv, String host, int port, boolean postgresSource, boolean postgresDestination)
            throws IOException {
        List<String> names = new ArrayList<>();
        StringBuilder y = new StringBuilder("# Generated by `tributary demo`; edit and run with `tributary sync`.\n");
        y.append("sources:\n");
        y.append("  customers_csv:\n    type: file\n    config:\n      url: ")
                .append(quote(csv.toString()))
                .append("\n      format: csv\n      stream_name: customers_csv\n");
        if (postgresSource) {
            y.append("  demo_pg:\n    type: postgres\n    config:\n      host: ")
                    .append(host)
                    .append("\n      port: ")
                    .append(port)
                    .append("\n      database: demo\n      username: postgres\n      schemas: [public]\n");
        }
        y.append("destinations:\n");
        y.append("  lake:\n    type: local\n    config:\n      destination_path: ")
                .append(quote(dir.resolve("lake").toString()))
                .append("\n");
        y.append("  lake_parquet:\n    type: local\n    config:\n      destination_path: ")
                .append(quote(dir.resolve("lake").toString()))
                .append("\n      format: parquet\n");
        if (postgresDestination) {
            y.append("  warehouse:\n    type: postgres\n    config:\n      host: ")
                    .append(host)
                    .append("\n      port: ")
                    .append(port)
                    .append("\n      database: demo_warehouse\n      username: postgres\n      schema: public\n");
        }
        y.append("connections:\n");
        y.append("  customers_csv_to_lake:\n    source: customers_csv\n    destination: lake\n    streams:\n")
                .append("      - { name: customers_csv, sync_mode: full_refresh, destination_sync_mode: overwrite }\n");
        names.add("customers_csv_to_lake");
        if (postgresSource) {
            y.append("  customers_pg_to_lake:\n    source: demo_pg\n    destination: lake_parquet\n    streams:\n")
                    .append(
                            "      - { name: public.customers, sync_mode: full_refresh, destination_sync_mode: overwrite }\n");
            names.add("customers_pg_to_lake");
            if (postgresDestination) {
                y.append("  customers_pg_to_warehouse:\n    source: demo_pg\n    destination: warehouse\n")
                        .append("    namespace_definition: destination\n    streams:\n")
                        .append(
                                "      - { name: public.customers, sync_mode: incremental, cursor_field: [updated_at], ")
                        .append("destination_sync_mode: append_dedup, primary_key: [[id]] }\n");
                names.add("customers_pg_to_warehouse");
            }
        }
        Files.writeString(file, y.toString());
        return names;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
