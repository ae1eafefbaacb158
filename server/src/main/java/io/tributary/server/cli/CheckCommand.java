package io.tributary.server.cli;

import io.tributary.batch.config.ConnectorDefinition;
import io.tributary.batch.config.TributaryConfig;
import io.tributary.batch.plan.ConnectionPlanner;
import io.tributary.connector.registry.ConnectorRegistry;
import io.tributary.connector.source.CheckResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tributary check}: tests a source's or destination's settings against the real system. */
@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = "Test the connection of a source or destination declared in the connections file.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ConfigFileOption config;

    @ArgGroup(multiplicity = "1")
    Target target;

    static final class Target {
        @Option(names = "--source", paramLabel = "NAME", description = "Name of a source in the connections file.")
        String source;

        @Option(
                names = "--destination",
                paramLabel = "NAME",
                description = "Name of a destination in the connections file.")
        String destination;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TributaryConfig cfg = config.load();
        ConnectionPlanner planner = new ConnectionPlanner(ConnectorRegistry.load());
        CheckResult result;
        String what;
        if (target.source != null) {
            ConnectorDefinition def = cfg.source(target.source);
            result = planner.source(def).check(planner.sourceConfig(def));
            what = "source " + def.name();
        } else {
            ConnectorDefinition def = cfg.destination(target.destination);
            result = planner.destination(def).check(planner.destinationConfig(def));
            what = "destination " + def.name();
        }
        if (result.succeeded()) {
            spec.commandLine()
                    .getOut()
                    .println(what + ": succeeded" + (result.message() == null ? "" : ": " + result.message()));
            return 0;
        }
        spec.commandLine().getErr().println("error: " + what + ": " + result.message());
        return TributaryCommand.SYNC_FAILED;
    }
}
