package io.streamplane.core.node;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs Kafka nodes: on this machine as local JVM processes, later on Kubernetes. Every method is
 * idempotent, because the operation engine may repeat a step after a restart.
 */
public interface NodeRuntime {

    /** The Kafka releases this runtime can start, newest first. */
    List<KafkaRelease> availableReleases();

    /**
     * Makes the release runnable here, fetching it on first use; a slow call then, a quick one after.
     * Fails with a message that says why (no network, unknown release).
     */
    void install(KafkaRelease release);

    /** A block of node addresses not used by any cluster in {@code taken} nor by anything else here. */
    int reserveNetworkSlot(Set<Integer> taken);

    NodeAddress addressFor(int networkSlot, NodeRole role, int nodeId);

    /** Writes the nodes' configuration and formats their storage; nodes already formatted are kept. */
    void prepare(List<NodeLaunchSpec> nodes);

    /** Whether the node's storage is formatted and holds its data (false when its data was lost). */
    boolean hasData(String clusterUuid, int nodeId);

    /** Bytes the node's data takes on its volume (its log directory). */
    long dataBytes(String clusterUuid, int nodeId);

    /** Rewrites the nodes' configuration files only; running nodes read them when they restart. */
    void reconfigure(List<NodeLaunchSpec> nodes);

    /** Starts a prepared node and returns its process; it keeps running if the control plane dies. */
    NodeProcess start(NodeLaunchSpec node);

    /**
     * The node's process if one is running, found by the node itself rather than by a recorded pid:
     * a control plane that died between starting a node and recording it must not start a second one.
     */
    Optional<NodeProcess> findRunning(String clusterUuid, int nodeId);

    /**
     * Whether this process of the node has finished starting: every listener bound. A KRaft broker
     * registers and is unfenced before it binds its listeners, so a broker that cannot bind one
     * shows as serving for a moment before it exits.
     */
    boolean hasStarted(String clusterUuid, int nodeId, NodeProcess process);

    /**
     * Whether the KRaft controller has logged, in any of its processes, that it migrated its cluster's
     * metadata from ZooKeeper (KIP-866): the migration's end, which Kafka tells no client.
     */
    boolean hasMigratedMetadata(String clusterUuid, int nodeId);

    /** Whether this exact process (pid and start time) is still running. */
    boolean isRunning(NodeProcess process);

    /** Asks the node to shut down cleanly, and kills it if it has not exited within the timeout. */
    void stop(NodeProcess process, Duration timeout);

    /** Where a user finds the node's logs, for error messages. */
    String logLocation(String clusterUuid, int nodeId);

    /**
     * The last lines the node logged, for the server's own log when the node fails: the node's log
     * directory is often gone (with its cluster) by the time anyone reads the error.
     */
    String recentLog(String clusterUuid, int nodeId);

    /** Removes everything the runtime stored for the cluster. */
    void deleteClusterFiles(String clusterUuid);

    /** Removes everything the runtime stored for one node that has left its cluster. */
    void deleteNodeFiles(String clusterUuid, int nodeId);
}
