package io.tributary.server;

import io.tributary.server.cli.TributaryCommand;

/**
 * The {@code java -jar tributary.jar} entry point: the command line ({@code sync}, {@code check},
 * {@code demo}...). See {@code --help}.
 */
public final class TributaryApplication {

    private TributaryApplication() {}

    public static void main(String[] args) {
        System.exit(TributaryCommand.execute(args));
    }
}
