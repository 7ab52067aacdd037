package io.streamplane.core.cluster;

import io.streamplane.core.Poll;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.kafka.InternalBootstrap;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;
import io.streamplane.core.kafka.ZooKeeperProbe;
import io.streamplane.core.node.KafkaRelease;
import io.streamplane.core.node.NodeLaunchSpec;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.node.NodeRuntime;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.security.CertificateAuthority;
import io.streamplane.core.security.ClusterSecurity;
import io.streamplane.core.security.InternalCredentials;
import io.streamplane.core.security.NodeTls;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Starts, adopts and stops the nodes of a cluster through the {@link NodeRuntime}, recording every
 * process in the store as soon as it exists so that a crashed control plane can adopt it.
 */
public final class NodeFleet {
    private static final Logger LOG = LoggerFactory.getLogger(NodeFleet.class);
    public static final int CONTROLLER_HEAP_MEGABYTES = 256;
    /** What brokers of a ZooKeeper cluster speak among themselves; raised when an upgrade ends. */
    public static final String INTER_BROKER_PROTOCOL_VERSION = "inter.broker.protocol.version";
    private static final Duration STARTED_POLL = Duration.ofMillis(100);
    /** Beyond the longest ZooKeeper session a broker may have (MSK's 18 s), with time for the controller to notice. */
    private static final Duration REGISTRATION_EXPIRY_TIMEOUT = Duration.ofSeconds(40);
    /** Three ZooKeeper JVMs starting on a busy machine, and electing a leader. */
    private static final Duration ENSEMBLE_TIMEOUT = Duration.ofMinutes(2);
    private final ClusterStore store;
    private final NodeRuntime runtime;
    private final KafkaVersionCatalog versions;
    private final ConfigurationService configurations;
    private final KafkaClusterProbe probe;
    private final InternalCredentials internal;
    private final CertificateAuthority authority;
    private final PrivateCaService clientAuthorities;
    private final Map<String, LaunchSpecs> launchSpecs = new ConcurrentHashMap<>();

    /**
     * @param authority         signs the nodes' own certificates
     * @param clientAuthorities the users' CAs, whose client certificates mutual TLS accepts
     */
    public NodeFleet(ClusterStore store, NodeRuntime runtime, KafkaVersionCatalog versions,
                     ConfigurationService configurations, KafkaClusterProbe probe, InternalCredentials internal,
                     CertificateAuthority authority, PrivateCaService clientAuthorities) {
        this.store = store;
        this.runtime = runtime;
        this.versions = versions;
        this.configurations = configurations;
        this.probe = probe;
        this.internal = internal;
        this.authority = authority;
        this.clientAuthorities = clientAuthorities;
    }

    /**
     * What every node of the cluster starts with. Worked out once for a spec and set of nodes and kept
     * until either changes: it issues each node a certificate, and every step of an operation asks.
     */
    public List<NodeLaunchSpec> launchSpecs(Cluster cluster) {
        var nodes = store.nodes(cluster.arn());
        return launchSpecs(cluster, nodes, MetadataWiring.of(nodes,
                versions.modeOf(cluster.spec().kafkaVersion()) == MetadataMode.ZOOKEEPER));
    }

    private List<NodeLaunchSpec> launchSpecs(Cluster cluster, List<ClusterNode> nodes, MetadataWiring wiring) {
        var key = new LaunchKey(cluster.spec(), cluster.kafkaClusterId(),
                nodes.stream().map(n -> n.withProcess(Optional.empty())).toList(), wiring);
        var cached = launchSpecs.get(cluster.uuid());
        if (cached != null && cached.key().equals(key)) {
            return cached.specs();
        }
        var specs = computeLaunchSpecs(cluster, nodes, wiring);
        launchSpecs.put(cluster.uuid(), new LaunchSpecs(key, specs));
        return specs;
    }

    /** What launch specs were worked out from: the spec and the nodes, without their processes. */
    private record LaunchKey(ClusterSpec spec, String kafkaClusterId, List<ClusterNode> nodes,
                             MetadataWiring wiring) {
    }

    private record LaunchSpecs(LaunchKey key, List<NodeLaunchSpec> specs) {
    }

    private List<NodeLaunchSpec> computeLaunchSpecs(Cluster cluster, List<ClusterNode> nodes, MetadataWiring wiring) {
        var release = versions.releaseOf(cluster.spec().kafkaVersion());
        int zones = cluster.spec().clientSubnets().size();
        var brokerType = BrokerInstanceType.of(cluster.spec().instanceType());
        var custom = configurations.properties(cluster.spec().configuration());
        var brokerCustom = new LinkedHashMap<>(brokerType.threadProperties());
        brokerCustom.putAll(custom);
        // Open monitoring is a broker feature, as on MSK, where controllers are not the user's to see.
        var brokerExporters = cluster.spec().openMonitoring().exporters();
        var security = cluster.spec().security();
        var clusterInternal = internal.forCluster(cluster.uuid());
        return nodes.stream().map(n -> {
            var tls = tls(n, security);
            return new NodeLaunchSpec(cluster.uuid(), cluster.kafkaClusterId(), n.nodeId(), n.role(), n.host(),
                    release, properties(n, nodes, zones, n.isBroker() ? brokerCustom : custom, security,
                            clusterInternal, tls, release, wiring),
                    n.isBroker() ? brokerType.heapMegabytes() : CONTROLLER_HEAP_MEGABYTES,
                    n.isBroker() ? brokerExporters : Set.of(),
                    ZooKeeperConfiguration.files(n, nodes, tls));
        }).toList();
    }

    private Map<String, String> properties(ClusterNode node, List<ClusterNode> nodes, int zones,
                                           Map<String, String> custom, ClusterSecurity security,
                                           InternalCredentials clusterInternal, Optional<NodeTls> tls,
                                           KafkaRelease release, MetadataWiring wiring) {
        var props = new LinkedHashMap<>(NodeConfiguration.forNode(node, nodes, zones,
                node.role() == NodeRole.ZOOKEEPER ? Map.of() : custom, security, clusterInternal, tls, wiring));
        if (node.isBroker() && wiring.brokersOnZooKeeper()) {
            // Named rather than left to the release's default, so that an upgrade can hold it at the old
            // release's until every broker runs the new one.
            props.put(INTER_BROKER_PROTOCOL_VERSION, release.line());
        }
        return props;
    }

    /** A certificate for the node's address, when one of its listeners speaks TLS. */
    private Optional<NodeTls> tls(ClusterNode node, ClusterSecurity security) {
        boolean needed = node.isBroker() ? security.brokersNeedCertificates() : security.inCluster();
        if (!needed) {
            return Optional.empty();
        }
        String prefix = switch (node.role()) {
            case BROKER -> "b-";
            case CONTROLLER -> "c-";
            case ZOOKEEPER -> "z-";
        };
        var issued = authority.issueNodeCertificate(prefix + node.nodeId(), List.of(node.host()));
        var clientCas = node.isBroker() && security.mutualTls()
                ? clientAuthorities.certificatesOf(security.certificateAuthorityArns(),
                "clientAuthentication.tls.certificateAuthorityArnList")
                : List.<String>of();
        return Optional.of(new NodeTls(issued.privateKeyPem(), issued.certificateChainPem(),
                authority.certificatePem(), clientCas));
    }

    /** The Apache Kafka release a cluster of the spec runs. */
    public KafkaRelease release(ClusterSpec spec) {
        return versions.releaseOf(spec.kafkaVersion());
    }

    /** Makes the Kafka release of the cluster's spec runnable, fetching it if this is its first use. */
    public void installRelease(Cluster cluster) {
        runtime.install(versions.releaseOf(cluster.spec().kafkaVersion()));
    }

    public void prepare(Cluster cluster) {
        runtime.prepare(launchSpecs(cluster));
    }

    /** Rewrites every node's configuration from the cluster's spec, for the next restart of each. */
    public void reconfigure(Cluster cluster) {
        runtime.reconfigure(launchSpecs(cluster));
    }

    /**
     * Rewrites every node's configuration from the cluster's spec, with {@code brokerOverrides} on the
     * brokers' (what an upgrade holds back until every broker runs the new release).
     */
    public void reconfigure(Cluster cluster, Map<String, String> brokerOverrides) {
        runtime.reconfigure(launchSpecs(cluster).stream().map(spec -> {
            if (spec.role() != NodeRole.BROKER) {
                return spec;
            }
            var props = new LinkedHashMap<>(spec.properties());
            props.putAll(brokerOverrides);
            return spec.withProperties(props);
        }).toList());
    }

    /** Rewrites every node's configuration for a stage of a migration from ZooKeeper to KRaft. */
    public void reconfigure(Cluster cluster, MetadataWiring wiring) {
        runtime.reconfigure(launchSpecs(cluster, store.nodes(cluster.arn()), wiring));
    }

    /**
     * Adds three KRaft controllers to a ZooKeeper cluster, one per zone as its ZooKeeper servers are,
     * formatted with the cluster's id as ZooKeeper holds it and configured to migrate its metadata,
     * and starts them; controllers it has already are kept. Returns once each has started.
     *
     * @param kafkaClusterId Kafka's id of the cluster, which its first broker registered in ZooKeeper
     */
    public void addMigratingControllers(Cluster cluster, String kafkaClusterId, Duration timeout)
            throws TimeoutException, InterruptedException {
        if (controllerIds(cluster).isEmpty()) {
            var added = new ArrayList<ClusterNode>();
            var servers = zookeeperServers(cluster);
            for (int i = 0; i < servers.size(); i++) {
                int id = servers.get(servers.size() - 1).nodeId() + 1 + i;
                var address = runtime.addressFor(cluster.networkSlot(), NodeRole.CONTROLLER, id);
                added.add(new ClusterNode(cluster.arn(), id, NodeRole.CONTROLLER, servers.get(i).zone(),
                        address.host(), address.port(), Instant.now(), Optional.empty()));
            }
            store.addNodes(added);
        }
        var withId = store.findCluster(cluster.arn()).orElseThrow();
        if (!withId.kafkaClusterId().equals(kafkaClusterId)) {
            withId = withId.withKafkaClusterId(kafkaClusterId);
            store.updateCluster(withId);
        }
        var specs = launchSpecs(withId, store.nodes(cluster.arn()), MetadataWiring.MIGRATING);
        runtime.prepare(specs.stream().filter(s -> s.role() == NodeRole.CONTROLLER).toList());
        ensureRunning(withId, n -> n.role() == NodeRole.CONTROLLER);
        Poll.until("the new controllers of cluster " + cluster.name() + " to start", timeout, STARTED_POLL, () -> {
            var controllers = store.nodes(cluster.arn()).stream().filter(n -> n.role() == NodeRole.CONTROLLER).toList();
            return firstExited(controllers).isPresent() || controllers.stream().allMatch(n -> hasStarted(cluster, n));
        });
        var exited = firstExited(store.nodes(cluster.arn()));
        if (exited.isPresent()) {
            throw new IllegalStateException("Node " + exited.get().nodeId() + " exited while the controllers started; "
                    + "its logs are in " + runtime.logLocation(cluster.uuid(), exited.get().nodeId()));
        }
    }

    /** Waits until a controller has logged that it copied the cluster's metadata from ZooKeeper. */
    public void awaitMetadataMigrated(Cluster cluster, Duration timeout) throws TimeoutException, InterruptedException {
        var controllers = controllerIds(cluster);
        Poll.until("the controllers of cluster " + cluster.name() + " to migrate its metadata from ZooKeeper",
                timeout, STARTED_POLL, () -> controllers.stream()
                        .anyMatch(id -> runtime.hasMigratedMetadata(cluster.uuid(), id)));
    }

    /** Stops a migrated cluster's ZooKeeper servers and forgets them with their files. */
    public void removeZooKeeper(Cluster cluster, Duration stopTimeout) {
        for (var server : zookeeperServers(cluster)) {
            server.process().ifPresent(p -> runtime.stop(p, stopTimeout));
            store.removeNode(cluster.arn(), server.nodeId());
            runtime.deleteNodeFiles(cluster.uuid(), server.nodeId());
        }
        LOG.info("Removed the ZooKeeper ensemble of cluster {}: it runs on KRaft alone", cluster.name());
    }

    /**
     * Starts every broker that is not running; running ones are left alone. On a ZooKeeper cluster
     * it first waits for the ensemble to serve: a broker that cannot reach it in its connection
     * timeout exits, and a busy machine can take longer than that to start the ensemble.
     */
    public void ensureBrokersRunning(Cluster cluster) {
        if (brokers(cluster).stream().anyMatch(b -> !isRunning(b))) {
            awaitEnsembleServing(cluster);
        }
        ensureRunning(cluster, ClusterNode::isBroker);
    }

    /** Waits until most of a ZooKeeper cluster's servers lead or follow; returns at once on a KRaft cluster. */
    private void awaitEnsembleServing(Cluster cluster) {
        var servers = zookeeperServers(cluster);
        if (servers.isEmpty()) {
            return;
        }
        try {
            Poll.until("a majority of the ZooKeeper servers of cluster " + cluster.name() + " to serve",
                    ENSEMBLE_TIMEOUT, STARTED_POLL, () -> servers.stream()
                            .filter(z -> ZooKeeperProbe.mode(z.host(), z.port()).isPresent()).count()
                            > servers.size() / 2);
        } catch (TimeoutException e) {
            throw new IllegalStateException(e.getMessage() + "; their logs are in "
                    + runtime.logLocation(cluster.uuid(), servers.get(0).nodeId()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting for the ZooKeeper ensemble", e);
        }
    }

    /** Starts every node of the metadata quorum (controllers or ZooKeeper servers) that is not running. */
    public void ensureQuorumRunning(Cluster cluster) {
        ensureRunning(cluster, n -> n.role().metadataQuorum());
    }

    private void ensureRunning(Cluster cluster, Predicate<ClusterNode> which) {
        var specs = launchSpecs(cluster);
        for (var node : store.nodes(cluster.arn())) {
            if (!which.test(node) || isRunning(node)) {
                continue;
            }
            start(cluster, node, specs.stream().filter(s -> s.nodeId() == node.nodeId()).findFirst().orElseThrow(),
                    "Started");
        }
    }

    /** Starts whatever is not running, the metadata quorum first. */
    public void ensureAllRunning(Cluster cluster) {
        ensureQuorumRunning(cluster);
        ensureBrokersRunning(cluster);
    }

    /**
     * Waits until every broker is registered and serving and its process has finished starting, or
     * {@code abandon} says to stop waiting. A node whose process exits meanwhile will not come back by
     * itself, so that fails at once, pointing at its logs.
     */
    public void awaitBrokersServing(Cluster cluster, Duration timeout, BooleanSupplier abandon)
            throws TimeoutException, InterruptedException {
        var nodes = store.nodes(cluster.arn());
        BooleanSupplier stop = () -> abandon.getAsBoolean() || firstExited(nodes).isPresent();
        probe.awaitBrokers(bootstrapServers(cluster), brokerIds(cluster), timeout, stop);
        // Registered is not started: a broker that cannot bind a listener exits just after it registers.
        Poll.until("the brokers of cluster " + cluster.name() + " to finish starting", timeout, STARTED_POLL,
                () -> stop.getAsBoolean()
                        || nodes.stream().filter(ClusterNode::isBroker).allMatch(n -> hasStarted(cluster, n)));
        if (!zookeeperServers(cluster).isEmpty()) {
            // A ZooKeeper cluster's broker serves before its controller has sent it the cluster's
            // metadata, and until then answers that there are no topics: a rebalance or a safety
            // check that asked it would see nothing to move or to keep in sync.
            for (var broker : brokers(cluster)) {
                probe.awaitBrokers(new InternalBootstrap(broker.replicationEndpoint(),
                        cluster.spec().security().inCluster(), cluster.uuid()), brokerIds(cluster), timeout, stop);
            }
        }
        var exited = firstExited(nodes);
        if (exited.isPresent()) {
            var node = exited.get();
            LOG.warn("Node {} of cluster {} exited while starting; the last lines it logged:\n{}", node.nodeId(),
                    cluster.name(), runtime.recentLog(cluster.uuid(), node.nodeId()));
            throw new IllegalStateException(node.role().name().charAt(0) + node.role().name().substring(1)
                    .toLowerCase() + " " + node.nodeId() + " exited while starting; its logs are in "
                    + runtime.logLocation(cluster.uuid(), node.nodeId()));
        }
    }

    private boolean hasStarted(Cluster cluster, ClusterNode node) {
        return node.process().map(p -> runtime.hasStarted(cluster.uuid(), node.nodeId(), p)).orElse(false);
    }

    private Optional<ClusterNode> firstExited(List<ClusterNode> nodes) {
        return nodes.stream().filter(n -> n.process().isPresent() && !isRunning(n)).findFirst();
    }

    /** Stops the brokers in parallel, each cleanly if it can within the timeout. */
    public void stopBrokers(Cluster cluster, Duration timeout) {
        stop(cluster, ClusterNode::isBroker, timeout);
    }

    /** Stops the metadata quorum's nodes in parallel: after the brokers, which need them to shut down cleanly. */
    public void stopQuorum(Cluster cluster, Duration timeout) {
        stop(cluster, n -> n.role().metadataQuorum(), timeout);
    }

    private void stop(Cluster cluster, Predicate<ClusterNode> which, Duration timeout) {
        var nodes = store.nodes(cluster.arn()).stream().filter(which).toList();
        nodes.parallelStream().forEach(node -> node.process().ifPresent(p -> runtime.stop(p, timeout)));
        nodes.forEach(node -> store.updateNode(node.withProcess(Optional.empty())));
    }

    /**
     * Starts a node that is not running, with its data; a node whose data is gone is formatted
     * afresh under the same id first, and fills up again from its replicas' leaders.
     */
    public void restore(Cluster cluster, int nodeId) throws TimeoutException, InterruptedException {
        var node = node(cluster, nodeId);
        if (isRunning(node)) {
            return;
        }
        if (node.isBroker() && !zookeeperServers(cluster).isEmpty()) {
            awaitEnsembleServing(cluster);
            probe.awaitUnregistered(bootstrapServers(cluster), nodeId, REGISTRATION_EXPIRY_TIMEOUT);
        }
        var spec = launchSpecs(cluster).stream().filter(s -> s.nodeId() == nodeId).findFirst().orElseThrow();
        if (runtime.hasData(cluster.uuid(), nodeId)) {
            runtime.reconfigure(List.of(spec));
        } else {
            LOG.warn("{} {} of cluster {} lost its data; rebuilding it empty", node.role(), nodeId, cluster.name());
            runtime.prepare(List.of(spec));
        }
        start(cluster, node, spec, "Restored");
    }

    /**
     * Adds the brokers the spec asks for beyond those the cluster has, each in the zone its id
     * falls in (round-robin, as at creation), and starts them; returns when they all serve.
     */
    public void addBrokers(Cluster cluster, Duration timeout) throws TimeoutException, InterruptedException {
        var brokers = brokers(cluster);
        int zones = cluster.spec().clientSubnets().size();
        var added = new ArrayList<ClusterNode>();
        for (int id = brokers.size() + 1; id <= cluster.spec().numberOfBrokerNodes(); id++) {
            int zoneMate = (id - 1) % zones + 1;
            var zone = brokers.stream().filter(b -> b.nodeId() == zoneMate).findFirst().orElseThrow().zone();
            var address = runtime.addressFor(cluster.networkSlot(), NodeRole.BROKER, id);
            added.add(new ClusterNode(cluster.arn(), id, NodeRole.BROKER, zone, address.host(), address.port(),
                    Instant.now(), Optional.empty()));
        }
        store.addNodes(added);
        // Formats the new brokers only (the others are formatted already) and rewrites every node's file.
        prepare(cluster);
        ensureBrokersRunning(cluster);
        awaitBrokersServing(cluster, timeout, () -> false);
    }

    /** Stops a broker that no longer holds any replica and forgets it with its files. */
    public void removeBroker(Cluster cluster, int brokerId, Duration stopTimeout) {
        store.nodes(cluster.arn()).stream().filter(n -> n.nodeId() == brokerId).findFirst().ifPresent(node -> {
            node.process().ifPresent(p -> runtime.stop(p, stopTimeout));
            store.removeNode(cluster.arn(), brokerId);
        });
        runtime.deleteNodeFiles(cluster.uuid(), brokerId);
        LOG.info("Removed broker {} from cluster {}", brokerId, cluster.name());
    }

    /** When the node's current process started; a node that is not running fails. */
    public Instant startedAt(Cluster cluster, int nodeId) {
        return node(cluster, nodeId).process().orElseThrow(() -> new IllegalStateException("Node " + nodeId
                + " of cluster " + cluster.name() + " is not running")).startedAt();
    }

    /** The nodes whose process is not running, the metadata quorum's first. */
    public List<ClusterNode> stoppedNodes(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().filter(n -> !isRunning(n))
                .sorted(Comparator.comparing((ClusterNode n) -> n.isBroker())
                        .thenComparing(ClusterNode::nodeId))
                .toList();
    }

    private ClusterNode node(Cluster cluster, int nodeId) {
        return store.nodes(cluster.arn()).stream().filter(n -> n.nodeId() == nodeId).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("Cluster " + cluster.name() + " has no node " + nodeId));
    }

    /** Stops one node cleanly and starts it again with the configuration now written for it. */
    public void restart(Cluster cluster, int nodeId, Duration stopTimeout) {
        var node = node(cluster, nodeId);
        node.process().ifPresent(p -> runtime.stop(p, stopTimeout));
        store.updateNode(node.withProcess(Optional.empty()));
        start(cluster, node, launchSpecs(cluster).stream().filter(s -> s.nodeId() == nodeId).findFirst().orElseThrow(),
                "Restarted");
    }

    /** Starts the node's process and records it at once, so that a crashed control plane can adopt it. */
    private void start(Cluster cluster, ClusterNode node, NodeLaunchSpec spec, String verb) {
        var process = runtime.start(spec);
        store.updateNode(node.withProcess(Optional.of(process)));
        LOG.info("{} {} {} of cluster {} (pid {})", verb, node.role(), node.nodeId(), cluster.name(), process.pid());
    }

    /** The KRaft controllers; none on a ZooKeeper cluster, whose controller is one of its brokers. */
    public List<Integer> controllerIds(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().filter(n -> n.role() == NodeRole.CONTROLLER)
                .map(ClusterNode::nodeId).toList();
    }

    /** The servers of a ZooKeeper cluster's ensemble; none on a KRaft cluster. */
    public List<ClusterNode> zookeeperServers(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().filter(n -> n.role() == NodeRole.ZOOKEEPER).toList();
    }

    /**
     * Takes over the cluster's running node processes, also those started but never recorded (the
     * control plane died in between), and forgets recorded ones that are gone; returns how many run.
     */
    public int adopt(Cluster cluster) {
        int running = 0;
        for (var node : store.nodes(cluster.arn())) {
            if (isRunning(node)) {
                running++;
                continue;
            }
            var found = runtime.findRunning(cluster.uuid(), node.nodeId());
            if (found.isPresent() || node.process().isPresent()) {
                store.updateNode(node.withProcess(found));
            }
            if (found.isPresent()) {
                LOG.info("Adopted unrecorded {} {} of cluster {} (pid {})", node.role(), node.nodeId(),
                        cluster.name(), found.get().pid());
                running++;
            }
        }
        return running;
    }

    public boolean isRunning(Cluster cluster, int nodeId) {
        return store.nodes(cluster.arn()).stream().filter(n -> n.nodeId() == nodeId).anyMatch(this::isRunning);
    }

    /** Fails, pointing at the node's logs, when the node is not running: it will not come back by itself. */
    public void requireRunning(Cluster cluster, int nodeId) {
        if (!isRunning(cluster, nodeId)) {
            LOG.warn("Node {} of cluster {} exited after it was restarted; the last lines it logged:\n{}", nodeId,
                    cluster.name(), runtime.recentLog(cluster.uuid(), nodeId));
            throw new IllegalStateException("Node " + nodeId + " exited after it was restarted; its logs are in "
                    + runtime.logLocation(cluster.uuid(), nodeId));
        }
    }

    public boolean isRunning(ClusterNode node) {
        return node.process().map(runtime::isRunning).orElse(false);
    }

    /** The brokers' internal listeners, where the control plane connects as a super user. */
    public InternalBootstrap bootstrapServers(Cluster cluster) {
        return new InternalBootstrap(brokers(cluster).stream().map(ClusterNode::replicationEndpoint)
                .collect(Collectors.joining(",")), cluster.spec().security().inCluster(), cluster.uuid());
    }

    public Set<Integer> brokerIds(Cluster cluster) {
        return brokers(cluster).stream().map(ClusterNode::nodeId).collect(Collectors.toSet());
    }

    public List<ClusterNode> brokers(Cluster cluster) {
        return store.nodes(cluster.arn()).stream().filter(ClusterNode::isBroker).toList();
    }

    public void deleteFiles(Cluster cluster) {
        launchSpecs.remove(cluster.uuid());
        runtime.deleteClusterFiles(cluster.uuid());
    }
}
