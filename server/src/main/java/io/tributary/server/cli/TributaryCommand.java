package io.tributary.server.cli;

import io.tributary.batch.engine.SyncException;
import io.tributary.connector.config.ConfigException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tributary} command and its subcommands. */
@Command(
        name = "tributary",
        mixinStandardHelpOptions = true,
        version = "Tributary 0.1.0",
        description =
                "Moves data from sources (files, PostgreSQL, ...) into destinations (local files, PostgreSQL, S3) "
                        + "as restartable Spring Batch jobs.",
        subcommands = {
            SpecCommand.class,
            CheckCommand.class,
            DiscoverCommand.class,
            SyncCommand.class,
            RestartCommand.class,
            JobsCommand.class,
            DemoCommand.class,
            ServeCommand.class,
            CommandLine.HelpCommand.class
        },
        footer = {"", "Exit codes: 0 success, 1 a sync failed, 2 invalid input (arguments, connections file, settings)."
        })
public final class TributaryCommand implements Runnable {

    /** A sync ran and failed. */
    public static final int SYNC_FAILED = 1;
    /** The input was wrong: arguments, connections file, connector settings. */
    public static final int INVALID_INPUT = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs the command line and returns the exit code. */
    public static int execute(String... args) {
        return execute(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int execute(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new TributaryCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            Throwable cause = e;
            if (cause instanceof ConfigException config) {
                config.problems().forEach(p -> err.println("error: " + p));
                return INVALID_INPUT;
            }
            if (cause instanceof SyncException
                    || cause instanceof IllegalArgumentException
                    || cause instanceof java.io.UncheckedIOException) {
                err.println("error: " + cause.getMessage());
                return INVALID_INPUT;
            }
            err.println(
                    "error: " + (cause.getMessage() == null ? cause.getClass().getName() : cause.getMessage()));
            return SYNC_FAILED;
        });
        return cli.execute(args);
    }
}
