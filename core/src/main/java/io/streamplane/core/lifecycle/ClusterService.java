package io.streamplane.core.lifecycle;

import io.streamplane.core.Ids;
import io.streamplane.core.MemoryBudget;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.backend.ClusterBackend;
import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.cluster.BootstrapBrokers;
import io.streamplane.core.cluster.BrokerInstanceType;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterNode;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.CreateClusterCommand;
import io.streamplane.core.cluster.KafkaClusterId;
import io.streamplane.core.cluster.OpenMonitoring;
import io.streamplane.core.cluster.ZooKeeperConfiguration;
import io.streamplane.core.cluster.ZooKeeperConnect;
import io.streamplane.core.configuration.ConfigurationRef;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.Launch;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.operation.OperationType;
import io.streamplane.core.operation.Step;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.scaling.ReplicationFactors;
import io.streamplane.core.placement.ZonePlacement;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.tag.TagRules;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Creates, reads and deletes clusters. Checks the business rules, records the desired state and
 * the operation that realises it in one transaction, and hands the operation to the engine.
 */
public final class ClusterService {
    /** MSK allows 50 tags on a resource. */
    public static final int MAX_TAGS = 50;
    private static final Pattern CLUSTER_NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]*");
    private static final int MAX_CLUSTER_NAME_LENGTH = 64;
    /** MSK's largest broker volume, 16 TiB. */
    private static final int MAX_VOLUME_GIB = 16384;

    private final ServiceIdentity identity;
    private final ClusterStore store;
    private final ClusterBackend backend;
    private final KafkaVersionCatalog versions;
    private final ConfigurationService configurations;
    private final OperationLauncher launcher;
    private final PrivateCaService authorities;
    private final ReplicationFactors replicationFactors;
    private final Ids ids;
    private final Clock clock;
    private final MemoryBudget memory;

    /** @param memory what the clusters' nodes may take; the clusters' claim on it is added here */
    public ClusterService(ServiceIdentity identity, ClusterStore store, OperationLauncher launcher,
                          ClusterBackend backend, KafkaVersionCatalog versions,
                          ConfigurationService configurations, PrivateCaService authorities,
                          ReplicationFactors replicationFactors, MemoryBudget memory, Ids ids, Clock clock) {
        this.memory = memory;
        memory.addClaims(() -> store.listClusters().stream().mapToLong(c -> ClusterMemory.of(c.spec())).sum());
        this.replicationFactors = replicationFactors;
        this.identity = identity;
        this.store = store;
        this.launcher = launcher;
        this.authorities = authorities;
        this.backend = backend;
        this.versions = versions;
        this.configurations = configurations;
        this.ids = ids;
        this.clock = clock;
    }

    /** Creations take one lock among themselves: each reserves a block of node addresses. */
    public synchronized Cluster createCluster(CreateClusterCommand command) {
        TagRules.check(command.tags(), MAX_TAGS, "tags");
        var spec = command.spec();
        requireKnownAuthorities(spec.security(), command.specMembers());
        checkName(command.clusterName());
        BrokerInstanceType.of(spec.instanceType());
        var version = versions.requireOffered("kafkaVersion", spec.kafkaVersion());
        if (!"LOCAL".equals(spec.storageMode())) {
            throw new InvalidRequest("storageMode", "storageMode " + spec.storageMode()
                    + " is not supported; use LOCAL");
        }
        spec.configuration().ifPresent(c -> configurations.requireUsable(c, version.name()));
        var zones = ZonePlacement.zonesFor(identity.region(), spec.clientSubnets());
        requireZoneIdsOfSubnets(spec.recorded().zoneIds(), zones, command.specMembers());
        var planned = ZonePlacement.place(zones, spec.numberOfBrokerNodes(), version.mode().quorumRole());
        if (store.listClusters().stream().anyMatch(c -> c.name().equals(command.clusterName()))) {
            throw new Conflict("A cluster named " + command.clusterName() + " already exists in this account and Region");
        }
        memory.require(command.specMembers() + "numberOfBrokerNodes", "The cluster's " + spec.numberOfBrokerNodes() + " brokers and "
                + ZonePlacement.CONTROLLER_COUNT + " metadata nodes", ClusterMemory.of(spec));

        var now = clock.instant();
        String uuid = ids.resourceUuid();
        String arn = identity.clusterArn(command.clusterName(), uuid);
        var placement = backend.place(arn, planned, store.networkSlotsInUse(), now);
        var cluster = new Cluster(arn, command.clusterName(), uuid, ClusterState.CREATING, Optional.empty(), now,
                ids.clusterVersion(), spec, Optional.empty(), placement.networkSlot(), KafkaClusterId.random());
        var operation = launcher.create(cluster, placement.nodes(), command.tags(), backend.steps().creation());
        return cluster.withActiveOperation(Optional.of(operation.arn()));
    }

    /** Zone ids, when given, name the zones the client subnets are in: they say the same thing twice. */
    private static void requireZoneIdsOfSubnets(List<String> zoneIds, List<AvailabilityZone> zones, String members) {
        var ofSubnets = zones.stream().map(AvailabilityZone::id).toList();
        if (!zoneIds.isEmpty() && !Set.copyOf(zoneIds).equals(Set.copyOf(ofSubnets))) {
            throw new InvalidRequest(members + "brokerNodeGroupInfo.zoneIds", "zoneIds " + zoneIds + " are not the "
                    + "zones of the client subnets, " + ofSubnets + ": subnet i lies in zone i here");
        }
    }

    public Cluster describe(String clusterArn) {
        return store.findCluster(clusterArn).orElseThrow(() -> notFound(clusterArn));
    }

    private static NotFound notFound(String clusterArn) {
        return new NotFound("The cluster " + clusterArn + " does not exist");
    }

    public Page<Cluster> list(Optional<String> nameFilter, Optional<Integer> maxResults, Optional<String> nextToken) {
        var matching = store.listClusters().stream()
                .filter(c -> nameFilter.map(f -> c.name().startsWith(f)).orElse(true))
                .toList();
        return Page.of(matching, maxResults, nextToken);
    }

    /** Deletes the cluster, also while an operation runs on it (a creation in progress stops). */
    public Cluster delete(String clusterArn, Optional<String> currentVersion) {
        // The cluster as the deletion leaves it, kept here: the deletion may be over before this returns.
        var deleting = new AtomicReference<Cluster>();
        var operation = open(clusterArn, cluster -> {
            if (cluster.state() == ClusterState.DELETING) {
                throw new InvalidRequest("You can't delete cluster in DELETING state.");
            }
            if (currentVersion.isPresent() && !currentVersion.get().equals(cluster.currentVersion())) {
                throw new InvalidRequest("currentVersion",
                        "The version of the cluster isn't current. Check the current version and try again.");
            }
            deleting.set(cluster.withState(ClusterState.DELETING, Optional.empty())
                    .withCurrentVersion(ids.clusterVersion()));
            return Launch.deletion(OperationType.DELETE_CLUSTER, backend.steps().deletion(), deleting.get());
        });
        return deleting.get().withActiveOperation(Optional.of(operation.arn()));
    }

    /** Moves the cluster to another configuration revision: live where Kafka allows, rolling otherwise. */
    public ClusterOperation updateClusterConfiguration(String clusterArn, String currentVersion,
                                                       ConfigurationRef configuration) {
        return change(clusterArn, currentVersion, cluster -> {
            configurations.requireUsable(configuration, cluster.spec().kafkaVersion());
            var target = cluster.spec().withConfiguration(Optional.of(configuration));
            var steps = backend.steps().configuration(cluster,
                    configurations.change(cluster.spec().configuration(), target.configuration()));
            return userChange(cluster.withSpec(target), OperationType.UPDATE_CLUSTER_CONFIGURATION, steps,
                    ClusterState.UPDATING);
        });
    }

    /** Gives every broker the resources of another instance type, one broker at a time. */
    public ClusterOperation updateBrokerType(String clusterArn, String currentVersion, String targetInstanceType) {
        return change(clusterArn, currentVersion, cluster -> {
            BrokerInstanceType.of(targetInstanceType, "targetInstanceType");
            if (targetInstanceType.equals(cluster.spec().instanceType())) {
                throw new InvalidRequest("targetInstanceType", "The cluster's brokers are already "
                        + targetInstanceType);
            }
            int brokers = cluster.spec().numberOfBrokerNodes();
            memory.require("targetInstanceType", "The cluster's " + brokers + " brokers as " + targetInstanceType,
                    ClusterMemory.brokers(targetInstanceType, brokers)
                            - ClusterMemory.brokers(cluster.spec().instanceType(), brokers));
            return userChange(cluster.withSpec(cluster.spec().withInstanceType(targetInstanceType)),
                    OperationType.UPDATE_BROKER_TYPE, backend.steps().brokerType(cluster), ClusterState.UPDATING);
        });
    }

    /**
     * Moves every node to a newer Kafka release, controllers first, then brokers, one at a time, and
     * finalises the new metadata version once all of them run it. A configuration may change with it.
     */
    public ClusterOperation updateKafkaVersion(String clusterArn, String currentVersion, String targetKafkaVersion,
                                               Optional<ConfigurationRef> configuration) {
        return change(clusterArn, currentVersion, cluster -> {
            var target = versions.requireOffered("targetKafkaVersion", targetKafkaVersion).name();
            String source = cluster.spec().kafkaVersion();
            if (target.equals(source)) {
                throw new InvalidRequest("targetKafkaVersion", "The cluster already runs Kafka " + source);
            }
            var allowed = versions.upgradeTargets(source);
            if (versions.modeOf(source) == MetadataMode.ZOOKEEPER && versions.modeOf(target) == MetadataMode.KRAFT) {
                return migrateToKraft(cluster, source, target, configuration, allowed);
            }
            if (!allowed.contains(target)) {
                throw new InvalidRequest("targetKafkaVersion", "A cluster on Kafka " + source + " can't move to "
                        + target + ": only upgrades within the same metadata mode are possible; compatible targets: "
                        + allowed);
            }
            configuration.ifPresent(c -> configurations.requireUsable(c, target));
            var targetSpec = cluster.spec().withKafkaVersion(target)
                    .withConfiguration(configuration.or(() -> cluster.spec().configuration()));
            var change = configurations.change(cluster.spec().configuration(), targetSpec.configuration());
            return userChange(cluster.withSpec(targetSpec), OperationType.UPDATE_CLUSTER_KAFKA_VERSION,
                    backend.steps().kafkaVersion(cluster, change), ClusterState.UPDATING);
        });
    }

    /**
     * Moves a ZooKeeper cluster to KRaft in place, as MSK does: from {@code 3.9.x} to the same release
     * on KRaft, on a cluster over three zones (one controller in each), with its configuration as it is.
     */
    private Launch migrateToKraft(Cluster cluster, String source, String target,
                                         Optional<ConfigurationRef> configuration, List<String> allowed) {
        if (!versions.kraftMigrationTarget(source).map(target::equals).orElse(false)) {
            throw new InvalidRequest("targetKafkaVersion", "A cluster on Kafka " + source + " keeps its metadata in "
                    + "ZooKeeper; only a 3.9.x cluster moves to KRaft in place, to 3.9.x.kraft: upgrade it to 3.9.x "
                    + "first; compatible targets: " + allowed);
        }
        if (cluster.spec().clientSubnets().size() != 3) {
            throw new InvalidRequest("targetKafkaVersion", "A cluster moves from ZooKeeper to KRaft only when it is "
                    + "deployed across 3 Availability Zones; this one is across "
                    + cluster.spec().clientSubnets().size());
        }
        if (configuration.isPresent()) {
            throw new InvalidRequest("configurationInfo", "A move from ZooKeeper to KRaft keeps the cluster's "
                    + "configuration; change the configuration before or after it");
        }
        cluster.spec().configuration().ifPresent(c -> configurations.requireUsable(c, target));
        return userChange(cluster.withSpec(cluster.spec().withKafkaVersion(target)),
                OperationType.UPDATE_CLUSTER_KAFKA_VERSION, backend.steps().kraftMigration(cluster), ClusterState.UPDATING);
    }

    /**
     * Grows or shrinks the cluster: new brokers get a fair share of the replicas, leaving brokers
     * hand theirs over first. Refused when fewer brokers could not hold every topic's replicas.
     */
    public ClusterOperation updateBrokerCount(String clusterArn, String currentVersion, int target) {
        return change(clusterArn, currentVersion, cluster -> {
            int current = cluster.spec().numberOfBrokerNodes();
            int zones = cluster.spec().clientSubnets().size();
            if (target == current) {
                throw new InvalidRequest("targetNumberOfBrokerNodes", "The cluster already has " + current
                        + " brokers");
            }
            if (target % zones != 0) {
                throw new InvalidRequest("targetNumberOfBrokerNodes", "targetNumberOfBrokerNodes must be a multiple "
                        + "of " + zones + " (the number of Availability Zones the cluster spans), got " + target);
            }
            // As last read in the background; a topic too wide that it has not seen yet fails the
            // operation's first step instead, before any replica moves.
            var replicationFactor = replicationFactors.highestKnown(clusterArn);
            if (target < current && replicationFactor.isPresent() && target < replicationFactor.getAsInt()) {
                throw new InvalidRequest("targetNumberOfBrokerNodes", ReplicationFactors.tooFewBrokers(
                        replicationFactor.getAsInt(), target));
            }
            memory.require("targetNumberOfBrokerNodes", "The " + (target - current) + " new brokers",
                    ClusterMemory.brokers(cluster.spec().instanceType(), target - current));
            return userChange(cluster.withSpec(cluster.spec().withNumberOfBrokerNodes(target)),
                    OperationType.UPDATE_BROKER_COUNT, backend.steps().brokerCount(cluster, target),
                    ClusterState.UPDATING);
        });
    }

    /**
     * Grows every broker's volume. Volumes only grow, as on MSK; the new size is what usage is
     * measured against from then on.
     *
     * @param field                 the request member that carries the size, for errors
     * @param provisionedThroughput the throughput settings to record (off), as the request's JSON
     */
    public ClusterOperation updateStorage(String clusterArn, String currentVersion, String field, int volumeSizeGiB,
                                          Optional<String> provisionedThroughput) {
        return change(clusterArn, currentVersion, cluster -> {
            int current = cluster.spec().volumeSizeGiB();
            if (volumeSizeGiB <= current) {
                throw new InvalidRequest(field, "Broker volumes can only grow: they are " + current + " GiB, got "
                        + volumeSizeGiB);
            }
            if (volumeSizeGiB > MAX_VOLUME_GIB) {
                throw new InvalidRequest(field, "A broker volume can be at most " + MAX_VOLUME_GIB + " GiB, got "
                        + volumeSizeGiB);
            }
            var target = cluster.spec().withVolumeSizeGiB(volumeSizeGiB);
            if (provisionedThroughput.isPresent()) {
                target = target.withRecorded(target.recorded().withProvisionedThroughput(provisionedThroughput));
            }
            return userChange(cluster.withSpec(target),
                    OperationType.UPDATE_BROKER_STORAGE, backend.steps().recordedSettings(cluster),
                    ClusterState.UPDATING);
        });
    }

    /**
     * Records the private connectivity settings and network type asked for (the caller has checked
     * them): the brokers' listeners stay as they are, since there are no other VPCs here and no
     * public addresses.
     */
    public ClusterOperation updateConnectivity(String clusterArn, String currentVersion,
                                               Optional<String> vpcConnectivity, String networkType) {
        return change(clusterArn, currentVersion, cluster -> {
            var source = cluster.spec();
            var target = source.withRecorded(source.recorded().withConnectivity(vpcConnectivity, networkType));
            if (target.equals(source)) {
                throw new InvalidRequest("connectivityInfo", "The request changes nothing: the cluster already has "
                        + "these connectivity settings");
            }
            return userChange(cluster.withSpec(target), OperationType.UPDATE_CONNECTIVITY,
                    backend.steps().recordedSettings(cluster), ClusterState.UPDATING);
        });
    }

    /** Turns intelligent rebalancing on (ACTIVE) or off (PAUSED). */
    public ClusterOperation updateRebalancing(String clusterArn, String currentVersion, String status) {
        return change(clusterArn, currentVersion, cluster -> {
            if (status.equals(cluster.spec().rebalancing())) {
                throw new InvalidRequest("rebalancing.status", "Rebalancing is already " + status);
            }
            return userChange(cluster.withSpec(cluster.spec().withRebalancing(status)),
                    OperationType.UPDATE_REBALANCING, backend.steps().recordedSettings(cluster),
                    ClusterState.UPDATING);
        });
    }

    /**
     * Changes the enhanced monitoring level, the Prometheus exporters and the log delivery settings.
     * The level and the log settings are recorded at once; exporters run inside the brokers, so
     * turning one on or off restarts them one at a time.
     *
     * @param loggingInfo the log delivery settings to record (every sink off), as the request's JSON
     */
    public ClusterOperation updateMonitoring(String clusterArn, String currentVersion,
                                             Optional<String> enhancedMonitoring,
                                             Optional<OpenMonitoring> openMonitoring, Optional<String> loggingInfo) {
        return change(clusterArn, currentVersion, cluster -> {
            var source = cluster.spec();
            var target = source.withMonitoring(enhancedMonitoring.orElse(source.enhancedMonitoring()),
                    openMonitoring.orElse(source.openMonitoring()));
            if (loggingInfo.isPresent()) {
                target = target.withRecorded(source.recorded().withLoggingInfo(loggingInfo));
            }
            if (target.equals(source)) {
                throw new InvalidRequest("The request changes nothing: the cluster already has enhancedMonitoring "
                        + source.enhancedMonitoring() + " and these open monitoring and logging settings");
            }
            boolean exportersChange = !target.openMonitoring().equals(source.openMonitoring());
            return userChange(cluster.withSpec(target), OperationType.UPDATE_MONITORING,
                    backend.steps().monitoring(cluster, exportersChange), ClusterState.UPDATING);
        });
    }

    /**
     * Changes client encryption and authentication by restarting the brokers one at a time with
     * their new listeners; clients of a method that stays on keep working throughout.
     *
     * @param clientBroker   the new encryption between clients and brokers, if it changes
     * @param inCluster      the in-cluster encryption asked for, which must stay what it is
     * @param authentication the new client authentication (its encryption members are ignored)
     */
    public ClusterOperation updateSecurity(String clusterArn, String currentVersion, Optional<String> clientBroker,
                                           Optional<Boolean> inCluster, Optional<ClusterSecurity> authentication) {
        return change(clusterArn, currentVersion, cluster -> {
            var source = cluster.spec().security();
            if (inCluster.isPresent() && inCluster.get() != source.inCluster()) {
                throw new InvalidRequest("encryptionInfo.encryptionInTransit.inCluster", "Encryption between the "
                        + "brokers can't be changed once the cluster exists; it is " + source.inCluster());
            }
            authentication.ifPresent(a -> requireKnownAuthorities(a, ""));
            var target = clientBroker.map(source::withClientBroker).orElse(source);
            target = authentication.map(target::withAuthenticationOf).orElse(target);
            target.validate("");
            if (target.equals(source)) {
                throw new InvalidRequest("The request changes nothing: the cluster already has these security "
                        + "settings");
            }
            return userChange(cluster.withSpec(cluster.spec().withSecurity(target)), OperationType.UPDATE_SECURITY,
                    backend.steps().security(cluster), ClusterState.UPDATING);
        });
    }

    /** Restarts the given brokers one at a time, each only when that is safe. */
    public ClusterOperation rebootBroker(String clusterArn, List<String> brokerIds) {
        describe(clusterArn);
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
        return open(clusterArn, cluster -> {
            requireActive(cluster);
            var known = brokerIds(clusterArn);
            for (int id : ids) {
                if (!known.contains(id)) {
                    throw new InvalidRequest("brokerIds", "Cluster " + cluster.name() + " has no broker " + id
                            + "; its brokers are " + known);
                }
            }
            return userChange(cluster, OperationType.REBOOT_NODE, backend.steps().reboot(cluster, ids.get(0)),
                    ClusterState.REBOOTING_BROKER);
        });
    }

    /** Opens what {@code decide} says on the cluster, under the cluster's lock; NotFound if it is gone. */
    private ClusterOperation open(String clusterArn, Function<Cluster, Launch> decide) {
        return launcher.open(clusterArn, cluster -> Optional.of(decide.apply(cluster)))
                .orElseThrow(() -> notFound(clusterArn));
    }

    /** A change a user asked for, to an ACTIVE cluster at the version the user saw. */
    private ClusterOperation change(String clusterArn, String currentVersion, Function<Cluster, Launch> decide) {
        return open(clusterArn, cluster -> decide.apply(requireUpdatable(cluster, currentVersion)));
    }

    /** The cluster as a user's change leaves it while it runs: in {@code state}, at a new version. */
    private Launch userChange(Cluster target, OperationType type, List<? extends Step<?>> steps, ClusterState state) {
        return Launch.of(type, steps, target.withState(state, Optional.empty()).withCurrentVersion(ids.clusterVersion()));
    }

    private static Cluster requireUpdatable(Cluster cluster, String currentVersion) {
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

    /** Where a ZooKeeper cluster's ensemble is reached; empty on KRaft clusters. */
    public Optional<ZooKeeperConnect> zookeeperConnect(Cluster cluster) {
        return ZooKeeperConfiguration.connect(store.nodes(cluster.arn()), cluster.spec().security());
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

    /** Mutual TLS may only name CAs that exist, or no client could ever connect. */
    private void requireKnownAuthorities(ClusterSecurity security, String members) {
        if (security.mutualTls()) {
            authorities.certificatesOf(security.certificateAuthorityArns(),
                    members + "clientAuthentication.tls.certificateAuthorityArnList");
        }
    }

    private static void checkName(String name) {
        if (name.length() > MAX_CLUSTER_NAME_LENGTH || !CLUSTER_NAME.matcher(name).matches()) {
            throw new InvalidRequest("clusterName", "clusterName must be 1 to 64 characters of letters, digits "
                    + "and hyphens, starting with a letter or digit, got '" + name + "'");
        }
    }
}
