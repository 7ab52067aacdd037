package io.streamplane.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code streamplane bench ...}: benchmarks that print figures. */
@Command(name = "bench", mixinStandardHelpOptions = true, subcommands = {CreateClusterBenchmark.class, RollingChangeBenchmark.class,
        KafkaUpgradeBenchmark.class, BrokerFailureBenchmark.class, ScaleOutBenchmark.class,
        ConnectBenchmark.class, ApiBenchmark.class},
        description = "Measure Streamplane on this machine and print the figures.")
public final class BenchMain {
    public static void main(String[] args) {
        System.exit(new CommandLine(new BenchMain()).execute(args));
    }
}
