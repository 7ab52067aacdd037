package io.streamplane.core.kafka;

import io.streamplane.core.Poll;
import io.streamplane.core.security.InternalCredentials;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;

/** Observes a running cluster through Kafka's Admin API: which brokers are registered and serving. */
public final class KafkaClusterProbe {
    private static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    private final InternalCredentials internal;
    private final String caCertificatePem;

    /**
     * @param internal         the identity to connect with, to the brokers' internal listeners
     * @param caCertificatePem the CA that signed the nodes' certificates, for clusters that use TLS inside
     */
    public KafkaClusterProbe(InternalCredentials internal, String caCertificatePem) {
        this.internal = internal;
        this.caCertificatePem = caCertificatePem;
    }

    /** Waits until every expected broker is registered and unfenced, or {@code abandon} says to stop. */
    public void awaitBrokers(InternalBootstrap bootstrap, Set<Integer> expectedBrokerIds, Duration timeout,
                             BooleanSupplier abandon) throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            Poll.until("brokers " + expectedBrokerIds + " to register at " + bootstrap, timeout, POLL_INTERVAL,
                    () -> abandon.getAsBoolean() || servingBrokers(admin).containsAll(expectedBrokerIds));
        }
    }

    /**
     * Waits until the broker at {@code endpoint} itself answers. A KRaft broker serves clients only
     * once it is registered and unfenced, so this tells a restarted broker's new process apart from
     * the registration its crashed predecessor left behind, which looks alive until its session ends.
     * The Admin client knows no other broker until the one it bootstraps from answers.
     */
    public void awaitAnswering(InternalBootstrap endpoint, Duration timeout, BooleanSupplier abandon)
            throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig(endpoint))) {
            Poll.until("the broker at " + endpoint + " to serve", timeout, POLL_INTERVAL,
                    () -> abandon.getAsBoolean() || !servingBrokers(admin).isEmpty());
        }
    }

    /**
     * Waits until the cluster no longer lists broker {@code brokerId}. A broker of a ZooKeeper cluster
     * is registered by its ZooKeeper session, which outlives a crashed process until it times out;
     * a new process that starts before then finds itself registered already, and exits. When no
     * broker answers there is no registration to see, and nothing to wait for.
     */
    public void awaitUnregistered(InternalBootstrap bootstrap, int brokerId, Duration timeout)
            throws TimeoutException, InterruptedException {
        try (Admin admin = Admin.create(adminConfig(bootstrap))) {
            Poll.until("the registration of broker " + brokerId + "'s previous process to end", timeout,
                    POLL_INTERVAL, () -> !servingBrokers(admin).contains(brokerId));
        }
    }

    /** One Admin connection to the cluster, for a series of reads and changes (close it when done). */
    public ClusterAdmin connect(InternalBootstrap bootstrap) {
        return new ClusterAdmin(Admin.create(adminConfig(bootstrap)));
    }

    /**
     * An Admin connection for a request on the cluster's topics: it waits longer than the probes,
     * since a topic's creation or deletion is the controller's work and its answer the caller's.
     */
    public TopicAdmin topics(InternalBootstrap bootstrap) {
        var config = adminConfig(bootstrap);
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5000);
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10000);
        return new TopicAdmin(Admin.create(config));
    }

    private static Set<Integer> servingBrokers(Admin admin) {
        try {
            return admin.describeCluster().nodes().get(2, TimeUnit.SECONDS).stream()
                    .map(Node::id)
                    .collect(Collectors.toSet());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Set.of();
        } catch (ExecutionException | java.util.concurrent.TimeoutException e) {
            return Set.of(); // not reachable yet: nodes are still starting
        }
    }

    private Map<String, Object> adminConfig(InternalBootstrap bootstrap) {
        var config = new HashMap<String, Object>(internal.forCluster(bootstrap.clusterUuid()).clientProperties());
        if (bootstrap.tls()) {
            config.put("security.protocol", "SASL_SSL");
            config.put("ssl.truststore.type", "PEM");
            config.put("ssl.truststore.certificates", caCertificatePem);
        }
        config.putAll(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap.servers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200,
                AdminClientConfig.CLIENT_ID_CONFIG, "streamplane-control-plane"));
        return config;
    }
}
