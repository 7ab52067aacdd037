package io.streamplane.runtime.local;

import java.nio.file.Path;
import java.util.List;

/**
 * The log4j2 configuration of a node (Kafka's server log) or a Connect worker (its connect log):
 * one log file, rolled at 50 MB, five kept. A node also keeps a lifecycle log: the lines Kafka's
 * server logs as it starts and stops, each behind the process id, so that the runtime can tell when
 * a given process has finished starting.
 */
final class Log4jConfiguration {
    /** The lifecycle log of a node, in its log directory. */
    static final String LIFECYCLE_LOG = "lifecycle.log";
    /**
     * The loggers of the lines that say a node's start-up is over: a KRaft node's, a ZooKeeper-mode
     * broker's, and a ZooKeeper server's (which logs as it binds its client port, by either of its
     * connection factories); and a controller's migration of a ZooKeeper cluster's metadata.
     */
    private static final List<String> LIFECYCLE_LOGGERS = List.of("kafka.server.KafkaRaftServer",
            "kafka.server.KafkaServer", "org.apache.zookeeper.server.NIOServerCnxnFactory",
            "org.apache.zookeeper.server.NettyServerCnxnFactory",
            "org.apache.kafka.metadata.migration.KRaftMigrationDriver");

    private Log4jConfiguration() {
    }

    static String forLogDirectory(Path logs) {
        String lifecycle = logs.resolve(LIFECYCLE_LOG).toString();
        var text = new StringBuilder(forLogFile(logs.resolve("server.log"))).append(String.join("\n",
                "appender.lifecycle.type = File",
                "appender.lifecycle.name = lifecycle",
                "appender.lifecycle.fileName = " + lifecycle,
                "appender.lifecycle.layout.type = PatternLayout",
                "appender.lifecycle.layout.pattern = %pid %m%n",
                ""));
        for (int i = 0; i < LIFECYCLE_LOGGERS.size(); i++) {
            String logger = "logger.lifecycle" + i;
            text.append(String.join("\n",
                    logger + ".name = " + LIFECYCLE_LOGGERS.get(i),
                    logger + ".level = INFO",
                    logger + ".appenderRef.lifecycle.ref = lifecycle",
                    ""));
        }
        return text.toString();
    }

    static String forLogFile(Path logFile) {
        String server = logFile.toString();
        return String.join("\n",
                "status = warn",
                "appender.server.type = RollingFile",
                "appender.server.name = server",
                "appender.server.fileName = " + server,
                "appender.server.filePattern = " + server + ".%i",
                "appender.server.layout.type = PatternLayout",
                "appender.server.layout.pattern = [%d] %p %m (%c)%n",
                "appender.server.policies.type = Policies",
                "appender.server.policies.size.type = SizeBasedTriggeringPolicy",
                "appender.server.policies.size.size = 50MB",
                "appender.server.strategy.type = DefaultRolloverStrategy",
                "appender.server.strategy.max = 5",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.server.ref = server",
                "logger.state.name = state.change.logger",
                "logger.state.level = WARN",
                "");
    }
}
