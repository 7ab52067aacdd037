package io.streamplane.core.cluster;

import io.streamplane.core.Ids;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.configuration.ConfigurationRef;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.health.HealingPlan;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.OperationEngine;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.placement.ZonePlacement;
import io.streamplane.core.port.NodeRuntime;
import io.streamplane.core.port.Store;
import io.streamplane.core.rolling.ClusterChangePlan;
import io.streamplane.core.scaling.BrokerCountPlan;
import io.streamplane.core.security.ClusterSecurity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates, reads and deletes clusters. Checks the business rules, records the desired state and
 * the operation that realises it in one transaction, and hands the operation to the engine.
 */
public final class ClusterService {
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]*");
    private static final int MAX_CLUSTER_NAME_LENGTH = 64;
    /** MSK's largest broker volume, 16 TiB. */
    private static final int MAX_VOLUME_GIB = 16384;

    private final ServiceIdentity identity;
    private final Store store;
    private final NodeRuntime runtime;
    private final KafkaVersionCatalog versions;
    private final ConfigurationService configurations;
    private final OperationEngine engine;
    private final KafkaClusterProbe probe;
    private final Ids ids;
    private final Clock clock;

    public ClusterService(ServiceIdentity identity, Store store, NodeRuntime runtime, KafkaVersionCatalog versions,
                          ConfigurationService configurations, OperationEngine engine, KafkaClusterProbe probe,
                          Ids ids, Clock clock) {
        this.probe = probe;
        this.identity = identity;
        this.store = store;
        this.runtime = runtime;
        this.versions = versions;
        this.configurations = configurations;
        this.engine = engine;
        this.ids = ids;
        this.clock = clock;
    }

    public synchronized Cluster createCluster(CreateClusterCommand command) {
        var spec = command.spec();
        checkName(command.clusterName());
        BrokerInstanceType.of(spec.instanceType());
        var release = versions.require("kafkaVersion", spec.kafkaVersion());
        if (!"LOCAL".equals(spec.storageMode())) {
            throw new InvalidRequest("storageMode", "storageMode " + spec.storageMode()
                    + " is not supported; use LOCAL");
        }
        spec.configuration().ifPresent(c -> configurations.requireUsable(c, release.mskVersion()));
        var zones = ZonePlacement.zonesFor(identity.region(), spec.clientSubnets());
        var planned = ZonePlacement.place(zones, spec.numberOfBrokerNodes());
        if (store.listClusters().stream().anyMatch(c -> c.name().equals(command.clusterName()))) {
            throw new Conflict("A cluster named " + command.clusterName() + " already exists in this account and Region");
        }

        var now = clock.instant();
        String uuid = ids.resourceUuid();
        String arn = identity.clusterArn(command.clusterName(), uuid);
        int slot = runtime.reserveNetworkSlot(store.networkSlotsInUse());
        var nodes = planned.stream().map(p -> {
            var address = runtime.addressFor(slot, p.role(), p.nodeId());
            return new ClusterNode(arn, p.nodeId(), p.role(), p.zone(), address.host(), address.port(), now,
                    Optional.empty());
        }).toList();
        var canonicalSpec = spec.withKafkaVersion(release.mskVersion());
        var operation = ClusterOperation.pending(
                identity.clusterOperationArn(command.clusterName(), uuid, ids.operationUuid()), arn,
                OperationType.CREATE_CLUSTER, CreateClusterPlan.STEPS, now,
                Optional.empty(), Optional.of(canonicalSpec));
        var cluster = new Cluster(arn, command.clusterName(), uuid, ClusterState.CREATING, Optional.empty(), now,
                ids.clusterVersion(), canonicalSpec, Optional.of(operation.arn()), slot, KafkaClusterId.random());
        store.createCluster(cluster, nodes, command.tags(), operation);
        engine.submit(operation.arn());
        return cluster;
    }

    public Cluster describe(String clusterArn) {
        return store.findCluster(clusterArn).orElseThrow(() -> new NotFound(
                "The cluster " + clusterArn + " does not exist"));
    }

    public Page<Cluster> list(Optional<String> nameFilter, Optional<Integer> maxResults, Optional<String> nextToken) {
        var matching = store.listClusters().stream()
                .filter(c -> nameFilter.map(f -> c.name().startsWith(f)).orElse(true))
                .toList();
        return Page.of(matching, maxResults, nextToken);
    }

    public synchronized Cluster delete(String clusterArn, Optional<String> currentVersion) {
        var cluster = describe(clusterArn);
        if (cluster.state() == ClusterState.DELETING) {
            throw new InvalidRequest("You can't delete cluster in DELETING state.");
        }
        if (currentVersion.isPresent() && !currentVersion.get().equals(cluster.currentVersion())) {
            throw new InvalidRequest("currentVersion",
                    "The version of the cluster isn't current. Check the current version and try again.");
        }
        var operation = ClusterOperation.pending(
                identity.clusterOperationArn(cluster.name(), cluster.uuid(), ids.operationUuid()), clusterArn,
                OperationType.DELETE_CLUSTER, DeleteClusterPlan.STEPS, clock.instant(),
                Optional.of(cluster.spec()), Optional.empty());
        var deleting = cluster.withState(ClusterState.DELETING, Optional.empty())
                .withActiveOperation(Optional.of(operation.arn()))
                .withCurrentVersion(ids.clusterVersion());
        store.startOperation(deleting, operation);
        engine.submit(operation.arn());
        return deleting;
    }

    /** Moves the cluster to another configuration revision: live where Kafka allows, rolling otherwise. */
    public synchronized ClusterOperation updateClusterConfiguration(String clusterArn, String currentVersion,
                                                                   ConfigurationRef configuration) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        configurations.requireUsable(configuration, cluster.spec().kafkaVersion());
        var target = cluster.spec().withConfiguration(Optional.of(configuration));
        var steps = ClusterChangePlan.configurationSteps(
                configurations.change(cluster.spec().configuration(), target.configuration()), brokerIds(clusterArn));
        return startChange(cluster.withSpec(target), OperationType.UPDATE_CLUSTER_CONFIGURATION, steps,
                cluster.spec(), ClusterState.UPDATING);
    }

    /** Gives every broker the resources of another instance type, one broker at a time. */
    public synchronized ClusterOperation updateBrokerType(String clusterArn, String currentVersion,
                                                         String targetInstanceType) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        BrokerInstanceType.of(targetInstanceType, "targetInstanceType");
        if (targetInstanceType.equals(cluster.spec().instanceType())) {
            throw new InvalidRequest("targetInstanceType", "The cluster's brokers are already "
                    + targetInstanceType);
        }
        return startChange(cluster.withSpec(cluster.spec().withInstanceType(targetInstanceType)),
                OperationType.UPDATE_BROKER_TYPE, ClusterChangePlan.brokerTypeSteps(brokerIds(clusterArn)),
                cluster.spec(), ClusterState.UPDATING);
    }

    /**
     * Moves every node to a newer Kafka release, controllers first, then brokers, one at a time, and
     * finalises the new metadata version once all of them run it. A configuration may change with it.
     */
    public synchronized ClusterOperation updateKafkaVersion(String clusterArn, String currentVersion,
                                                           String targetKafkaVersion,
                                                           Optional<ConfigurationRef> configuration) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        var target = versions.require("targetKafkaVersion", targetKafkaVersion);
        String source = cluster.spec().kafkaVersion();
        if (target.mskVersion().equals(source)) {
            throw new InvalidRequest("targetKafkaVersion", "The cluster already runs Kafka " + source);
        }
        var allowed = versions.upgradeTargets(source);
        if (!allowed.contains(target.mskVersion())) {
            throw new InvalidRequest("targetKafkaVersion", "A cluster on Kafka " + source + " can't move to "
                    + target.mskVersion() + ": only upgrades are possible; compatible targets: " + allowed);
        }
        configuration.ifPresent(c -> configurations.requireUsable(c, target.mskVersion()));
        var targetSpec = cluster.spec().withKafkaVersion(target.mskVersion())
                .withConfiguration(configuration.or(() -> cluster.spec().configuration()));
        var change = configurations.change(cluster.spec().configuration(), targetSpec.configuration());
        return startChange(cluster.withSpec(targetSpec), OperationType.UPDATE_CLUSTER_KAFKA_VERSION,
                ClusterChangePlan.kafkaVersionSteps(change, brokerIds(clusterArn)), cluster.spec(),
                ClusterState.UPDATING);
    }

    /**
     * Grows or shrinks the cluster: new brokers get a fair share of the replicas, leaving brokers
     * hand theirs over first. Refused when fewer brokers could not hold every topic's replicas.
     */
    public synchronized ClusterOperation updateBrokerCount(String clusterArn, String currentVersion, int target) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        int current = cluster.spec().numberOfBrokerNodes();
        int zones = cluster.spec().clientSubnets().size();
        if (target == current) {
            throw new InvalidRequest("targetNumberOfBrokerNodes", "The cluster already has " + current + " brokers");
        }
        if (target % zones != 0) {
            throw new InvalidRequest("targetNumberOfBrokerNodes", "targetNumberOfBrokerNodes must be a multiple of "
                    + zones + " (the number of Availability Zones the cluster spans), got " + target);
        }
        if (target < current) {
            int replicationFactor = maxReplicationFactor(cluster);
            if (target < replicationFactor) {
                throw new InvalidRequest("targetNumberOfBrokerNodes", "A topic has a replication factor of "
                        + replicationFactor + ", which " + target + " brokers cannot hold");
            }
        }
        return startChange(cluster.withSpec(cluster.spec().withNumberOfBrokerNodes(target)),
                OperationType.UPDATE_BROKER_COUNT, BrokerCountPlan.steps(current, target), cluster.spec(),
                ClusterState.UPDATING);
    }

    /**
     * Grows every broker's volume. Volumes only grow, as on MSK; the new size is what usage is
     * measured against from then on.
     *
     * @param field the request member that carries the size, for errors
     */
    public synchronized ClusterOperation updateStorage(String clusterArn, String currentVersion, String field,
                                                       int volumeSizeGiB) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        int current = cluster.spec().volumeSizeGiB();
        if (volumeSizeGiB <= current) {
            throw new InvalidRequest(field, "Broker volumes can only grow: they are " + current + " GiB, got "
                    + volumeSizeGiB);
        }
        if (volumeSizeGiB > MAX_VOLUME_GIB) {
            throw new InvalidRequest(field, "A broker volume can be at most " + MAX_VOLUME_GIB + " GiB, got "
                    + volumeSizeGiB);
        }
        return startChange(cluster.withSpec(cluster.spec().withVolumeSizeGiB(volumeSizeGiB)),
                OperationType.UPDATE_BROKER_STORAGE, List.of(ClusterChangePlan.WRITE_NODE_CONFIGURATION),
                cluster.spec(), ClusterState.UPDATING);
    }

    /** Turns intelligent rebalancing on (ACTIVE) or off (PAUSED). */
    public synchronized ClusterOperation updateRebalancing(String clusterArn, String currentVersion, String status) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        if (status.equals(cluster.spec().rebalancing())) {
            throw new InvalidRequest("rebalancing.status", "Rebalancing is already " + status);
        }
        return startChange(cluster.withSpec(cluster.spec().withRebalancing(status)), OperationType.UPDATE_REBALANCING,
                List.of(ClusterChangePlan.WRITE_NODE_CONFIGURATION), cluster.spec(), ClusterState.UPDATING);
    }

    /**
     * Opens an operation that rebalances the cluster's partitions over its brokers, unless the
     * cluster is busy or not ACTIVE. Its version stays: nothing a user asked for changes.
     */
    public synchronized Optional<ClusterOperation> rebalance(String clusterArn) {
        var found = store.findCluster(clusterArn);
        if (found.isEmpty() || found.get().activeOperationArn().isPresent()
                || found.get().state() != ClusterState.ACTIVE) {
            return Optional.empty();
        }
        var cluster = found.get();
        return Optional.of(startOperation(cluster, OperationType.REBALANCE_PARTITIONS,
                List.of(BrokerCountPlan.REBALANCE_PARTITIONS), ClusterState.UPDATING));
    }

    private int maxReplicationFactor(Cluster cluster) {
        try (var admin = probe.connect(new InternalBootstrap(String.join(",", brokerNodes(cluster.arn()).stream()
                .map(ClusterNode::replicationEndpoint).toList()), cluster.spec().security().inCluster()))) {
            return admin.maxReplicationFactor();
        } catch (Exception e) {
            throw new IllegalStateException("Cannot read the replication factors of cluster " + cluster.name()
                    + ": " + e.getMessage(), e);
        }
    }

    /**
     * Changes the enhanced monitoring level and the Prometheus exporters. The level is recorded at
     * once; exporters run inside the brokers, so turning one on or off restarts them one at a time.
     */
    public synchronized ClusterOperation updateMonitoring(String clusterArn, String currentVersion,
                                                         Optional<String> enhancedMonitoring,
                                                         Optional<OpenMonitoring> openMonitoring) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        var source = cluster.spec();
        var target = source.withMonitoring(enhancedMonitoring.orElse(source.enhancedMonitoring()),
                openMonitoring.orElse(source.openMonitoring()));
        if (target.equals(source)) {
            throw new InvalidRequest("The request changes nothing: the cluster already has enhancedMonitoring "
                    + source.enhancedMonitoring() + " and these open monitoring settings");
        }
        boolean exportersChange = !target.openMonitoring().equals(source.openMonitoring());
        return startChange(cluster.withSpec(target), OperationType.UPDATE_MONITORING,
                ClusterChangePlan.monitoringSteps(exportersChange, brokerIds(clusterArn)), source,
                ClusterState.UPDATING);
    }

    /**
     * Changes client encryption and authentication by restarting the brokers one at a time with
     * their new listeners; clients of a method that stays on keep working throughout.
     *
     * @param clientBroker   the new encryption between clients and brokers, if it changes
     * @param inCluster      the in-cluster encryption asked for, which must stay what it is
     * @param authentication the new client authentication (its encryption members are ignored)
     */
    public synchronized ClusterOperation updateSecurity(String clusterArn, String currentVersion,
                                                       Optional<String> clientBroker, Optional<Boolean> inCluster,
                                                       Optional<ClusterSecurity> authentication) {
        var cluster = requireUpdatable(clusterArn, currentVersion);
        var source = cluster.spec().security();
        if (inCluster.isPresent() && inCluster.get() != source.inCluster()) {
            throw new InvalidRequest("encryptionInfo.encryptionInTransit.inCluster", "Encryption between the "
                    + "brokers can't be changed once the cluster exists; it is " + source.inCluster());
        }
        var target = clientBroker.map(source::withClientBroker).orElse(source);
        target = authentication.map(target::withAuthenticationOf).orElse(target);
        target.validate("");
        if (target.equals(source)) {
            throw new InvalidRequest("The request changes nothing: the cluster already has these security settings");
        }
        return startChange(cluster.withSpec(cluster.spec().withSecurity(target)), OperationType.UPDATE_SECURITY,
                ClusterChangePlan.brokerTypeSteps(brokerIds(clusterArn)), cluster.spec(), ClusterState.UPDATING);
    }

    /** Restarts the given brokers one at a time, each only when that is safe. */
    public synchronized ClusterOperation rebootBroker(String clusterArn, List<String> brokerIds) {
        var cluster = describe(clusterArn);
        requireActive(cluster);
        if (brokerIds.size() != 1) {
            throw new InvalidRequest("brokerIds", "brokerIds must name exactly one broker: brokers are rebooted "
                    + "one at a time, got " + brokerIds.size());
        }
        var ids = new ArrayList<Integer>();
        for (String id : brokerIds) {
            try {
                ids.add(Integer.parseInt(id.strip()));
            } catch (NumberFormatException e) {
                throw new InvalidRequest("brokerIds", "brokerIds must be broker ids such as \"1\", got '" + id + "'");
            }
        }
        var known = brokerIds(clusterArn);
        for (int id : ids) {
            if (!known.contains(id)) {
                throw new InvalidRequest("brokerIds", "Cluster " + cluster.name() + " has no broker " + id
                        + "; its brokers are " + known);
            }
        }
        return startChange(cluster, OperationType.REBOOT_NODE, ClusterChangePlan.rebootSteps(ids), cluster.spec(),
                ClusterState.REBOOTING_BROKER);
    }

    /**
     * Opens a healing operation for nodes that are not running, unless the cluster is busy or gone
     * meanwhile. The cluster's version stays: healing changes nothing a user asked for.
     */
    public synchronized Optional<ClusterOperation> heal(String clusterArn, List<Integer> nodeIds) {
        var found = store.findCluster(clusterArn);
        if (found.isEmpty() || found.get().activeOperationArn().isPresent()
                || !EnumSet.of(ClusterState.ACTIVE, ClusterState.HEALING).contains(found.get().state())) {
            return Optional.empty();
        }
        return Optional.of(startOperation(found.get(), OperationType.HEAL_CLUSTER, HealingPlan.steps(nodeIds),
                ClusterState.HEALING));
    }

    /** An operation the server starts by itself: the cluster's spec and version stay as they are. */
    private ClusterOperation startOperation(Cluster cluster, OperationType type, List<String> steps,
                                            ClusterState state) {
        var operation = ClusterOperation.pending(
                identity.clusterOperationArn(cluster.name(), cluster.uuid(), ids.operationUuid()), cluster.arn(),
                type, steps, clock.instant(), Optional.of(cluster.spec()), Optional.of(cluster.spec()));
        store.startOperation(cluster.withState(state, cluster.stateInfo())
                .withActiveOperation(Optional.of(operation.arn())), operation);
        engine.submit(operation.arn());
        return operation;
    }

    private ClusterOperation startChange(Cluster target, OperationType type, List<String> steps, ClusterSpec source,
                                         ClusterState state) {
        var operation = ClusterOperation.pending(
                identity.clusterOperationArn(target.name(), target.uuid(), ids.operationUuid()), target.arn(), type,
                steps, clock.instant(), Optional.of(source), Optional.of(target.spec()));
        store.startOperation(target.withState(state, Optional.empty())
                .withActiveOperation(Optional.of(operation.arn()))
                .withCurrentVersion(ids.clusterVersion()), operation);
        engine.submit(operation.arn());
        return operation;
    }

    private Cluster requireUpdatable(String clusterArn, String currentVersion) {
        var cluster = describe(clusterArn);
        requireActive(cluster);
        if (!currentVersion.equals(cluster.currentVersion())) {
            throw new InvalidRequest("currentVersion",
                    "The version of the cluster isn't current. Check the current version and try again.");
        }
        return cluster;
    }

    private static void requireActive(Cluster cluster) {
        if (cluster.state() != ClusterState.ACTIVE) {
            throw new InvalidRequest("You can't update cluster " + cluster.name() + " while it is in "
                    + cluster.state() + " state; wait until it is ACTIVE.");
        }
    }

    private List<Integer> brokerIds(String clusterArn) {
        return store.nodes(clusterArn).stream().filter(ClusterNode::isBroker).map(ClusterNode::nodeId).toList();
    }

    public List<ClusterNode> brokerNodes(String clusterArn) {
        describe(clusterArn);
        return store.nodes(clusterArn).stream().filter(ClusterNode::isBroker).toList();
    }

    public BootstrapBrokers bootstrapBrokers(String clusterArn) {
        var cluster = describe(clusterArn);
        if (cluster.state() == ClusterState.CREATING || cluster.state() == ClusterState.DELETING
                || cluster.state() == ClusterState.FAILED) {
            throw new InvalidRequest("You can't get bootstrap broker nodes for a cluster in " + cluster.state()
                    + " state.");
        }
        return BootstrapBrokers.of(brokerNodes(clusterArn), cluster.spec().security());
    }

    private static void checkName(String name) {
        if (name.length() > MAX_CLUSTER_NAME_LENGTH || !CLUSTER_NAME.matcher(name).matches()) {
            throw new InvalidRequest("clusterName", "clusterName must be 1 to 64 characters of letters, digits "
                    + "and hyphens, starting with a letter or digit, got '" + name + "'");
        }
    }
}
