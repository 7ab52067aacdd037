package io.streamplane.connect.s3;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.sink.SinkConnector;

import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Writes a topic's records to S3 as JSON lines: one object per topic partition and starting offset,
 * written once it has {@code flush.size} records or its first record is {@code rotate.interval.ms}
 * old. A restarted task starts after the last record already in S3, so no record is written twice
 * or skipped.
 */
public final class S3SinkConnector extends SinkConnector {
    static final String VERSION = "1.0";
    private Map<String, String> settings;

    @Override
    public void start(Map<String, String> props) {
        new S3SinkConfig(props);
        this.settings = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return S3SinkTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return Collections.nCopies(maxTasks, settings);
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return S3SinkConfig.DEFINITION;
    }

    @Override
    public String version() {
        return VERSION;
    }
}
