package io.streamplane.runtime.local;

import java.nio.file.Path;

/**
 * The log4j2 configuration of a node (Kafka's server log) or a Connect worker (its connect log):
 * one log file, rolled at 50 MB, five kept. A node also keeps a lifecycle log: the lines Kafka's
 * server logs as it starts and stops, each behind the process id, so that the runtime can tell when
 * a given process has finished starting.
 */
final class Log4jConfiguration {
    /** The lifecycle log of a node, in its log directory. */
    static final String LIFECYCLE_LOG = "lifecycle.log";
    /** What Kafka logs once a server's start-up is over: every listener bound (Kafka's system tests wait for it). */
    static final String STARTED = "Kafka Server started";

    private Log4jConfiguration() {
    }

    static String forLogDirectory(Path logs) {
        String lifecycle = logs.resolve(LIFECYCLE_LOG).toString();
        return forLogFile(logs.resolve("server.log")) + String.join("\n",
                "appender.lifecycle.type = File",
                "appender.lifecycle.name = lifecycle",
                "appender.lifecycle.fileName = " + lifecycle,
                "appender.lifecycle.layout.type = PatternLayout",
                "appender.lifecycle.layout.pattern = %pid %m%n",
                "logger.lifecycle.name = kafka.server.KafkaRaftServer",
                "logger.lifecycle.level = INFO",
                "logger.lifecycle.appenderRef.lifecycle.ref = lifecycle",
                "");
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
