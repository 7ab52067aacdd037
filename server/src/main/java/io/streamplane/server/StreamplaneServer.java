package io.streamplane.server;

import io.streamplane.api.handlers.ClusterHandlers;
import io.streamplane.api.handlers.ClusterOperationHandlers;
import io.streamplane.api.handlers.ClusterPolicyHandlers;
import io.streamplane.api.handlers.ConfigurationHandlers;
import io.streamplane.api.handlers.ConnectorHandlers;
import io.streamplane.api.handlers.CustomPluginHandlers;
import io.streamplane.api.handlers.JsonScramSecretFormat;
import io.streamplane.api.handlers.KafkaVersionHandlers;
import io.streamplane.api.handlers.PrivateCaHandlers;
import io.streamplane.api.handlers.ScramSecretHandlers;
import io.streamplane.api.handlers.SecretPolicyAndTagHandlers;
import io.streamplane.api.handlers.SecretsManagerHandlers;
import io.streamplane.api.handlers.StorageMetrics;
import io.streamplane.api.handlers.TagHandlers;
import io.streamplane.api.handlers.TopicHandlers;
import io.streamplane.api.handlers.WorkerConfigurationHandlers;
import io.streamplane.api.http.EndpointLimits;
import io.streamplane.api.http.HttpEndpoint;
import io.streamplane.api.http.TextPage;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.api.protocol.ApiDispatcher;
import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.JsonRpcDispatcher;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.api.s3.S3Gateway;
import io.streamplane.core.Ids;
import io.streamplane.core.MemoryBudget;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.access.ClusterPolicyService;
import io.streamplane.core.backend.ClusterBackend;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.configuration.ConfigurationService;
import io.streamplane.core.connect.ConnectorService;
import io.streamplane.core.connect.ConnectorSupervisor;
import io.streamplane.core.connect.CustomPluginService;
import io.streamplane.core.connect.WorkerConfigurationService;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;
import io.streamplane.core.lifecycle.ClusterService;
import io.streamplane.core.lifecycle.LocalClusterBackend;
import io.streamplane.core.objects.S3Endpoint;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOperationService;
import io.streamplane.core.operation.ClusterOutcome;
import io.streamplane.core.operation.OperationEngine;
import io.streamplane.core.operation.OperationLauncher;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.scaling.ClusterReadingsWatch;
import io.streamplane.core.secrets.ScramSecretService;
import io.streamplane.core.secrets.SecretService;
import io.streamplane.core.tag.TagService;
import io.streamplane.core.topic.TopicService;
import io.streamplane.objectstore.EmbeddedS3;
import io.streamplane.objectstore.SdkObjectStorage;
import io.streamplane.runtime.local.InternalCredentialsFile;
import io.streamplane.runtime.local.KafkaDistributions;
import io.streamplane.runtime.local.LocalCertificateAuthority;
import io.streamplane.runtime.local.LocalConnectPlugins;
import io.streamplane.runtime.local.LocalConnectWorkers;
import io.streamplane.runtime.local.LocalNodeRuntime;
import io.streamplane.runtime.local.LoopbackNetwork;
import io.streamplane.runtime.local.X509CertificateSigner;
import io.streamplane.store.jdbc.JdbcStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The whole server wired together. Start-up: store, runtime, adoption of running nodes, resumption
 * of unfinished operations, then the HTTP listener. Shutdown runs the other way round and, unless
 * told to leave them, stops every node, brokers before controllers.
 */
public final class StreamplaneServer implements AutoCloseable {
    /** Where clients fetch the certificate of this installation's CA, to trust the brokers' TLS listeners. */
    public static final String CA_CERTIFICATE_PATH = "/ca.pem";
    /** Where the Prometheus page is, on the loopback metrics port. */
    public static final String METRICS_PATH = "/metrics";
    private static final Logger LOG = LoggerFactory.getLogger(StreamplaneServer.class);
    private static final Duration READINESS_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration NODE_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** How long a rolling restart waits for a broker to become safe to stop before it gives up. */
    private static final Duration ROLL_SAFETY_TIMEOUT = Duration.ofMinutes(5);
    /** How often the health monitor checks every node, and how long it waits after a failed healing. */
    private static final Duration HEALTH_CHECK_INTERVAL = Duration.ofSeconds(1);
    private static final Duration HEALING_RETRY = Duration.ofSeconds(15);
    /** How long adding brokers, or moving replicas between them, may take. */
    private static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(10);
    /** How long a measurement of the brokers' volume use is reused before it is taken again. */
    private static final Duration STORAGE_MEASUREMENT_AGE = Duration.ofSeconds(5);
    /** How often clusters with intelligent rebalancing ACTIVE are checked for balance. */
    private static final Duration REBALANCING_INTERVAL = Duration.ofSeconds(10);
    /** How often the replication factors of every cluster's topics are read, for scale-in requests. */
    private static final Duration CLUSTER_READING_INTERVAL = Duration.ofSeconds(5);
    /** How often every connector's workers and state are checked. */
    private static final Duration CONNECTOR_CHECK_INTERVAL = Duration.ofSeconds(2);

    private final ServerConfig config;
    private final DataDirectoryLock dataDirectoryLock;
    private final JdbcStore store;
    private final OperationEngine<ClusterOperation, ClusterOutcome> engine;
    private final ClusterBackend backend;
    private final OperationLauncher launcher;
    private final ClusterReadingsWatch clusterReadings;
    private final HttpEndpoint http;
    private final HttpEndpoint metrics;
    private final LocalCertificateAuthority authority;
    private final Optional<EmbeddedS3> embeddedS3;
    private final SdkObjectStorage objectStorage;
    private final CustomPluginService customPlugins;
    private final ConnectorSupervisor connectorSupervisor;
    private boolean serving;
    private boolean closed;

    private StreamplaneServer(ServerConfig config, DataDirectoryLock dataDirectoryLock) {
        this.config = config;
        this.dataDirectoryLock = dataDirectoryLock;
        var distributions = new KafkaDistributions(config.kafkaDistributions(), config.kafkaCache(),
                config.mavenRepository());
        if (distributions.bundledReleases().isEmpty()) {
            throw new IllegalStateException("No Kafka distribution (VERSION/libs) found in "
                    + config.kafkaDistributions() + "; build with 'mvn install' or point --kafka-distributions at one");
        }
        var runtime = new LocalNodeRuntime(config.dataDir(), distributions, new LoopbackNetwork(config.nodeNetwork()));
        this.store = JdbcStore.open(config.jdbcUrl().orElse(JdbcStore.h2Url(config.dataDir())), config.jdbcUser(),
                config.jdbcPassword());
        // Secret values, Private CA keys and connector configurations live in it.
        OwnerOnlyFiles.restrict(config.dataDir().resolve(JdbcStore.H2_FILE_NAME));
        var clock = Clock.systemUTC();
        var identity = new ServiceIdentity(config.region(), config.accountId());
        // The local runtime runs clusters of both metadata modes, KRaft and ZooKeeper.
        var versions = new KafkaVersionCatalog(runtime, EnumSet.allOf(MetadataMode.class));
        var ids = new Ids();
        var clusterStore = store.clusters();
        var operationStore = store.operations();
        var tagStore = store.tags();
        var configurations = new ConfigurationService(identity, store.configurations(),
                arn -> clusterStore.listClusters().stream().filter(c -> c.usesConfiguration(arn)).map(c -> c.name())
                        .toList(), versions, ids, clock);
        var internal = InternalCredentialsFile.loadOrCreate(config.dataDir());
        this.authority = LocalCertificateAuthority.loadOrCreate(config.dataDir());
        var probe = new KafkaClusterProbe(internal, authority.certificatePem());
        var privateCas = new PrivateCaService(identity, store.certificateAuthorities(), new X509CertificateSigner(),
                tagStore, arn -> clusterStore.listClusters().stream()
                        .anyMatch(c -> c.spec().security().certificateAuthorityArns().contains(arn)), clock);
        var fleet = new NodeFleet(clusterStore, runtime, versions, configurations, probe, internal, authority, privateCas);
        // Reads through the internal listeners as the backend's own Admin connections do.
        this.clusterReadings = new ClusterReadingsWatch(clusterStore,
                ClusterReadingsWatch.Reader.through(probe, fleet::bootstrapServers), CLUSTER_READING_INTERVAL, clock);
        this.backend = new LocalClusterBackend(clusterStore, operationStore, runtime, fleet, configurations, probe,
                clusterReadings,
                new LocalClusterBackend.Timeouts(READINESS_TIMEOUT, ROLL_SAFETY_TIMEOUT, REBALANCE_TIMEOUT,
                        NODE_STOP_TIMEOUT, HEALTH_CHECK_INTERVAL, HEALING_RETRY, REBALANCING_INTERVAL,
                        STORAGE_MEASUREMENT_AGE), clock);
        this.engine = new OperationEngine<>("operation", operationStore, backend.plans(), clock,
                CrashPoint.fromEnvironment());
        this.launcher = new OperationLauncher(identity, clusterStore, operationStore, engine, ids, clock);
        var memory = new MemoryBudget(config.maxMemoryMegabytes());
        var clusters = new ClusterService(identity, clusterStore, launcher, backend, versions, configurations,
                privateCas, clusterReadings, memory, ids, clock);
        var tags = new TagService(tagStore, ClusterService.MAX_TAGS, "tags", arn -> clusterStore.findCluster(arn).isPresent()
                || configurations.exists(arn));
        Map<String, OperationHandler> handlers = new HashMap<>();
        var storage = backend.storage();
        new ClusterHandlers(clusters, tags, identity, storage).register(handlers);
        new ClusterOperationHandlers(new ClusterOperationService(operationStore, clusterStore)).register(handlers);
        new KafkaVersionHandlers(versions, clusters).register(handlers);
        new TagHandlers(tags).register(handlers);
        new TopicHandlers(new TopicService(clusterStore, backend, probe, identity)).register(handlers);
        new ClusterPolicyHandlers(new ClusterPolicyService(clusterStore, store.clusterPolicies(), ids)).register(handlers);
        new ConfigurationHandlers(configurations).register(handlers);
        var secretStore = store.secrets();
        var secrets = new SecretService(identity, secretStore, tagStore, clock);
        var scram = new ScramSecretService(clusterStore, secretStore, secrets, new JsonScramSecretFormat(), fleet, probe);
        secrets.onNewValue(scram::secretChanged);
        new ScramSecretHandlers(scram).register(handlers);
        Map<String, OperationHandler> secretHandlers = new HashMap<>();
        new SecretsManagerHandlers(secrets).register(secretHandlers);
        new SecretPolicyAndTagHandlers(secrets).register(secretHandlers);
        Map<String, OperationHandler> privateCaHandlers = new HashMap<>();
        new PrivateCaHandlers(privateCas, identity).register(privateCaHandlers);
        // One verifier for every service, so a signature used once is refused everywhere.
        var verifier = new SigV4Verifier(config.accessKeys(), config.region(), clock);
        this.embeddedS3 = config.s3().isEmpty()
                ? Optional.of(EmbeddedS3.start(config.dataDir().resolve("s3"), config.region()))
                : Optional.empty();
        S3Endpoint s3 = config.s3().orElseGet(() -> embeddedS3.orElseThrow().endpoint());
        var s3Gateway = new S3Gateway(verifier, s3, config.dataDir().resolve("tmp").resolve("s3-uploads"),
                store.answers(), clock);
        this.objectStorage = new SdkObjectStorage(s3);
        var connectStore = store.connect();
        var connectPlugins = new LocalConnectPlugins(config.dataDir().resolve("connect").resolve("plugins"),
                distributions, distributions.bundledReleases().get(0));
        Predicate<String> usedByAConnector = arn -> connectStore.listConnectors().stream().anyMatch(c -> c.uses(arn));
        this.customPlugins = new CustomPluginService(identity, connectStore, objectStorage, connectPlugins,
                usedByAConnector, ids, clock);
        var workerConfigurations = new WorkerConfigurationService(identity, connectStore, usedByAConnector, ids,
                clock);
        var connectWorkers = new LocalConnectWorkers(config.dataDir().resolve("connect").resolve("connectors"),
                distributions, distributions.bundledReleases().get(0));
        this.connectorSupervisor = new ConnectorSupervisor(connectStore, connectWorkers, connectPlugins,
                workerConfigurations, objectStorage, authority::certificatePem, clock, READINESS_TIMEOUT,
                CONNECTOR_CHECK_INTERVAL, config.autoscalingSampleInterval());
        var connectors = new ConnectorService(identity, connectStore, customPlugins, workerConfigurations,
                connectorSupervisor, memory, ids, clock);
        Map<String, OperationHandler> connectHandlers = new HashMap<>();
        new CustomPluginHandlers(customPlugins).register(connectHandlers);
        new WorkerConfigurationHandlers(workerConfigurations).register(connectHandlers);
        new ConnectorHandlers(connectors).register(connectHandlers);
        new TagHandlers(new TagService(tagStore, ConnectorService.MAX_TAGS, "tags", arn -> connectStore.findCustomPlugin(arn).isPresent()
                || connectStore.findWorkerConfiguration(arn).isPresent() || connectStore.findConnector(arn).isPresent()))
                .register(connectHandlers);
        var gateway = new ApiGateway(verifier, List.of(
                new ApiDispatcher(ServiceModel.load("/aws-models/kafka.service.json"), handlers),
                new ApiDispatcher(ServiceModel.load("/aws-models/kafkaconnect.service.json"), connectHandlers),
                new JsonRpcDispatcher(ServiceModel.load("/aws-models/secretsmanager.service.json"),
                        JsonRpcDispatcher.ErrorNames.SECRETS_MANAGER, secretHandlers),
                new JsonRpcDispatcher(ServiceModel.load("/aws-models/acm-pca.service.json"),
                        JsonRpcDispatcher.ErrorNames.PRIVATE_CA, privateCaHandlers)), store.answers(), clock);
        // The CA's certificate, for clients' trust stores. Public by nature; the key stays in the data dir.
        this.http = HttpEndpoint.api(new InetSocketAddress(config.endpoint().bindAddress(), config.endpoint().port()),
                EndpointTlsContext.of(config.endpoint(), authority), EndpointLimits.defaults(), gateway,
                List.of(s3Gateway), Map.of(CA_CERTIFICATE_PATH, new TextPage("application/x-pem-file",
                        authority::certificatePem)));
        // Unsigned, so Prometheus can scrape it, and therefore on loopback alone.
        this.metrics = HttpEndpoint.pages(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                config.endpoint().metricsPort()), Map.of(METRICS_PATH, new TextPage(
                        "text/plain; version=0.0.4; charset=utf-8", new StorageMetrics(clusters, storage))));
    }

    /** Wires the server without starting it, so that a shutdown hook can be in place before it serves. */
    public static StreamplaneServer create(ServerConfig config) {
        config.checkSafeToServe();
        OwnerOnlyFiles.createDirectory(config.dataDir());
        var lock = DataDirectoryLock.acquire(config.dataDir(), config.endpoint().url(config.endpoint().port()));
        try {
            return new StreamplaneServer(config, lock);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    public static StreamplaneServer start(ServerConfig config) {
        var server = create(config);
        server.start();
        return server;
    }

    /** Adopts or restarts the clusters' nodes, resumes unfinished operations, then serves the API. */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("The server was stopped before it started");
        }
        backend.start(engine, launcher);
        clusterReadings.start();
        customPlugins.resumeInspections();
        connectorSupervisor.start();
        metrics.start();
        try {
            http.start();
        } catch (RuntimeException e) {
            metrics.close();
            throw e;
        }
        serving = true;
        LOG.info("Streamplane is serving the MSK API at {}, metrics at {}", endpoint(), metricsEndpoint());
    }

    public String endpoint() {
        return config.endpoint().url(http.port());
    }

    /** Where Prometheus scrapes the server's figures: {@value #METRICS_PATH} on loopback. */
    public URI metricsEndpoint() {
        return URI.create("http://127.0.0.1:" + metrics.port() + METRICS_PATH);
    }

    public int port() {
        return http.port();
    }

    /** Where the embedded S3 listens, when the server runs one rather than using a real S3. */
    public Optional<URI> embeddedS3Endpoint() {
        return embeddedS3.map(s3 -> s3.endpoint().endpoint());
    }

    public ServerConfig config() {
        return config;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("Stopping Streamplane");
        if (serving) {
            http.close();
            metrics.close();
        }
        // First, or the monitor would take the nodes stopped below for failures and restart them.
        backend.stopWatching();
        clusterReadings.close();
        engine.close();
        connectorSupervisor.close();
        if (config.stopNodesOnShutdown()) {
            // Workers before the Kafka nodes, so that they can hand over their tasks and commit offsets.
            connectorSupervisor.stopAllWorkers();
            backend.stopAllClusters();
            LOG.info("Stopped every Kafka node; the next start brings them back");
        } else {
            LOG.info("Left the Kafka nodes running; the next start adopts them");
        }
        customPlugins.close();
        store.close();
        objectStorage.close();
        embeddedS3.ifPresent(EmbeddedS3::close);
        dataDirectoryLock.close();
    }
}
