package io.streamplane.core.operation;

import io.streamplane.core.Ids;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterSpec;
import io.streamplane.core.cluster.ClusterStore;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Opens cluster operations: records the cluster's new state and the operation in one transaction,
 * then hands the operation to the engine. Whether an operation may open is decided under a lock of
 * that cluster alone, so that a request and the server's own healing never both open one, and no
 * cluster waits for another. Deciders must not call Kafka or anything slow: they run under that lock.
 */
public final class OperationLauncher {
    private final ServiceIdentity identity;
    private final ClusterStore clusters;
    private final OperationStore operations;
    private final OperationRunner engine;
    private final Ids ids;
    private final Clock clock;
    private final Map<String, Object> clusterLocks = new ConcurrentHashMap<>();

    public OperationLauncher(ServiceIdentity identity, ClusterStore clusters, OperationStore operations,
                             OperationRunner engine, Ids ids, Clock clock) {
        this.identity = identity;
        this.clusters = clusters;
        this.operations = operations;
        this.engine = engine;
        this.ids = ids;
        this.clock = clock;
    }

    /**
     * Reads the cluster and asks {@code decide} what to open on it: nothing (empty), an operation,
     * or a refusal (it throws). Empty too when the cluster does not exist.
     */
    public Optional<ClusterOperation> open(String clusterArn, Function<Cluster, Optional<Launch>> decide) {
        synchronized (clusterLocks.computeIfAbsent(clusterArn, arn -> new Object())) {
            var current = clusters.findCluster(clusterArn);
            if (current.isEmpty()) {
                return Optional.empty();
            }
            var launch = decide.apply(current.get());
            if (launch.isEmpty()) {
                return Optional.empty();
            }
            var operation = newOperation(current.get(), launch.get(), Optional.of(current.get().spec()));
            operations.startOperation(launch.get().next().withActiveOperation(Optional.of(operation.arn())),
                    operation);
            engine.submit(operation.arn());
            return Optional.of(operation);
        }
    }

    /** Records a new cluster with its nodes, tags and creating operation, and starts the operation. */
    public ClusterOperation create(Cluster cluster, List<ClusterNode> nodes, Map<String, String> tags,
                                   List<? extends Step<?>> steps) {
        var operation = newOperation(cluster, Launch.of(OperationType.CREATE_CLUSTER, steps, cluster),
                Optional.empty());
        operations.createCluster(cluster.withActiveOperation(Optional.of(operation.arn())), nodes, tags, operation);
        engine.submit(operation.arn());
        return operation;
    }

    private ClusterOperation newOperation(Cluster cluster, Launch launch, Optional<ClusterSpec> source) {
        return ClusterOperation.pending(identity.clusterOperationArn(cluster.name(), cluster.uuid(),
                        ids.operationUuid()), cluster.arn(), launch.type(), launch.steps(), clock.instant(), source,
                launch.target());
    }
}
