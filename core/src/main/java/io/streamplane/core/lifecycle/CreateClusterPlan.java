package io.streamplane.core.lifecycle;

import io.streamplane.core.cluster.BootstrapBrokers;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.cluster.StateInfo;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationPlan;
import io.streamplane.core.operation.Step;
import io.streamplane.core.operation.StepAction;
import io.streamplane.core.operation.StepKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;

/**
 * Brings a new cluster up: lay out and format the nodes, start controllers and brokers, and wait
 * until Kafka's Admin API sees every broker serving. The cluster is then ACTIVE, or FAILED with
 * the reason in its stateInfo.
 */
public final class CreateClusterPlan implements OperationPlan<CreateClusterPlan.Kind, ClusterOperation, ClusterOutcome> {
    /** The steps of a creation; START_CONTROLLERS starts the metadata quorum, ZooKeeper's servers on a ZooKeeper cluster. */
    public enum Kind implements StepKind {
        PREPARE_NODES, START_CONTROLLERS, START_BROKERS, AWAIT_BROKER_REGISTRATION;
    }

    /** The steps, in order. */
    public static final List<Step<Kind>> STEPS = Arrays.stream(Kind.values()).map(Step::of).toList();
    private static final Logger LOG = LoggerFactory.getLogger(CreateClusterPlan.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(20);

    private final ClusterStore store;
    private final NodeFleet fleet;
    private final Duration readinessTimeout;

    public CreateClusterPlan(ClusterStore store, NodeFleet fleet, Duration readinessTimeout) {
        this.store = store;
        this.fleet = fleet;
        this.readinessTimeout = readinessTimeout;
    }

    @Override
    public Class<Kind> stepKinds() {
        return Kind.class;
    }

    @Override
    public StepAction action(Step<Kind> step, ClusterOperation operation) {
        var cluster = cluster(operation);
        return switch (step.kind()) {
            case PREPARE_NODES -> () -> fleet.prepare(cluster);
            case START_CONTROLLERS -> () -> fleet.ensureQuorumRunning(cluster);
            case START_BROKERS -> () -> fleet.ensureBrokersRunning(cluster);
            case AWAIT_BROKER_REGISTRATION -> () -> {
                // After a control-plane restart the nodes may have been stopped: start them again.
                fleet.ensureAllRunning(cluster);
                fleet.awaitBrokersServing(cluster, readinessTimeout, () -> isBeingDeleted(operation));
                cluster(operation); // the wait also ends when a delete arrives: then this throws
            };
        };
    }

    /** ACTIVE, unless a delete arrived meanwhile: the cluster is then the delete's. */
    @Override
    public ClusterOutcome completed(ClusterOperation operation) {
        return ClusterOutcome.of(creating(operation).map(Cluster::settled));
    }

    @Override
    public ClusterOutcome failed(ClusterOperation operation, Exception cause) {
        String reason = operation.errorInfo().map(e -> e.errorString()).orElse(String.valueOf(cause.getMessage()));
        return ClusterOutcome.of(creating(operation).map(c -> c.withState(ClusterState.FAILED,
                Optional.of(new StateInfo("CLUSTER_CREATION_FAILED", reason))).withActiveOperation(Optional.empty())));
    }

    /** A failed cluster's nodes stop (start-up recovery stops them if a crash comes first). */
    @Override
    public void afterEnd(ClusterOperation operation, Optional<Exception> failure) {
        store.findCluster(operation.clusterArn()).ifPresent(cluster -> {
            if (cluster.state() == ClusterState.ACTIVE && failure.isEmpty()) {
                LOG.info("Cluster {} is ACTIVE; clients connect to {}", cluster.name(),
                        BootstrapBrokers.of(fleet.brokers(cluster), cluster.spec().security()).described());
            } else if (cluster.state() == ClusterState.FAILED) {
                fleet.stopBrokers(cluster, STOP_TIMEOUT);
                fleet.stopQuorum(cluster, STOP_TIMEOUT);
            }
        });
    }

    /** The cluster, while it is still this creation's (not deleted, nor being deleted). */
    private Optional<Cluster> creating(ClusterOperation operation) {
        return store.findCluster(operation.clusterArn()).filter(c -> c.state() == ClusterState.CREATING);
    }

    private Cluster cluster(ClusterOperation operation) {
        var cluster = store.findCluster(operation.clusterArn())
                .orElseThrow(() -> new CancellationException("The cluster was deleted while it was being created"));
        if (cluster.state() == ClusterState.DELETING) {
            throw new CancellationException("The cluster was deleted while it was being created");
        }
        return cluster;
    }

    private boolean isBeingDeleted(ClusterOperation operation) {
        return store.findCluster(operation.clusterArn()).map(c -> c.state() == ClusterState.DELETING).orElse(true);
    }
}
