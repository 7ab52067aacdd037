package io.streamplane.runtime.local;

import java.nio.file.Path;

/**
 * The log4j2 configuration of a node (Kafka's server log) or a Connect worker (its connect log):
 * one log file, rolled at 50 MB, five kept.
 */
final class Log4jConfiguration {
    private Log4jConfiguration() {
    }

    static String forLogDirectory(Path logs) {
        return forLogFile(logs.resolve("server.log"));
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
