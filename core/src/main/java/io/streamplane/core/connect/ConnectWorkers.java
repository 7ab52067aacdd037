package io.streamplane.core.connect;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Kafka Connect worker processes, and the REST API each of them serves. */
public interface ConnectWorkers {
    /**
     * Starts a worker in distributed mode with the given properties, its REST API on a free port of
     * the loopback address and the plugin on its {@code plugin.path}.
     */
    ConnectWorker start(WorkerLaunchSpec spec);

    boolean isRunning(ConnectWorker worker);

    /**
     * Stops every worker process on this machine that is none of {@code recorded} (by connector
     * uuid, then pid and start time): workers a server killed while starting them left behind, or
     * workers of connectors gone since. Returns how many it stopped.
     */
    int stopWorkersOtherThan(Map<String, List<ConnectWorker>> recorded, Duration timeout);

    /** Stops the worker gracefully (it hands its tasks over), killing it after {@code timeout}. */
    void stop(ConnectWorker worker, Duration timeout);

    /** The CPU time the worker's process has used so far, where the system tells it. */
    Optional<Duration> cpuTime(ConnectWorker worker);

    /** The worker's log files, newest content last. */
    List<Path> logFiles(String connectorUuid, int index);

    /** Where the worker's logs are, to point users at them. */
    String logDirectory(String connectorUuid, int index);

    void deleteFiles(String connectorUuid);

    /** Whether the worker's REST API answers, which it does once the worker has joined its group. */
    boolean ready(ConnectWorker worker);

    /** Creates or reconfigures the connector on the Connect cluster the worker belongs to. */
    void putConnectorConfig(ConnectWorker worker, String connectorName, Map<String, String> configuration);

    /** The connector's state as Connect reports it, or empty if Connect does not know the connector. */
    Optional<ConnectorStatus> status(ConnectWorker worker, String connectorName);

    /** Pauses, resumes or restarts the connector on the Connect cluster the worker belongs to. */
    void control(ConnectWorker worker, String connectorName, ConnectorControl control);

    /** What a connector may be asked to do on its Connect cluster, besides running its configuration. */
    enum ConnectorControl {
        PAUSE, RESUME, RESTART, RESTART_FAILED_TASKS
    }

    /** Removes the connector from the Connect cluster; one that is not there is fine. */
    void deleteConnector(ConnectWorker worker, String connectorName);

    /**
     * What a worker is started with.
     *
     * @param properties   the worker's properties, without its REST listener and plugin path
     * @param processors   how many processors the worker's JVM sees
     */
    record WorkerLaunchSpec(String connectorUuid, int index, Map<String, String> properties, int heapMegabytes,
                            int processors, Path pluginLocation) {
    }

    /** Connect's {@code /connectors/NAME/status}: the connector's and each task's state, with traces. */
    record ConnectorStatus(String state, Optional<String> trace, List<TaskStatus> tasks) {
    }

    record TaskStatus(int id, String state, Optional<String> trace) {
    }
}
