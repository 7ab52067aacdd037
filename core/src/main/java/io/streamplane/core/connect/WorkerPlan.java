package io.streamplane.core.connect;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The properties of a connector's workers and the configuration submitted to them: the
 * connector's own Connect cluster (group and internal topics named after it, as MSK Connect
 * names them), the user's worker configuration on top, and, for autoscaled connectors, the
 * {@code tasks.max} MSK Connect sets. Pure.
 */
public final class WorkerPlan {
    private static final String STRING_CONVERTER = "org.apache.kafka.connect.storage.StringConverter";
    private static final String[] CLIENT_PREFIXES = {"", "producer.", "consumer.", "admin."};

    private WorkerPlan() {
    }

    /**
     * @param workerProperties the worker configuration's properties, if the connector has one
     * @param caCertificatePem the certificate the Kafka cluster's TLS listeners are trusted by, for TLS
     */
    public static Map<String, String> workerProperties(Connector connector, Map<String, String> workerProperties,
                                                       Optional<String> caCertificatePem) {
        var spec = connector.spec();
        String suffix = connector.name() + "_" + connector.uuid();
        var props = new LinkedHashMap<String, String>();
        props.put("bootstrap.servers", spec.bootstrapServers());
        props.put("group.id", "__amazon_msk_connect_" + suffix);
        props.put("config.storage.topic", "__amazon_msk_connect_configs_" + suffix);
        props.put("offset.storage.topic", "__amazon_msk_connect_offsets_" + suffix);
        props.put("status.storage.topic", "__amazon_msk_connect_status_" + suffix);
        // -1: the Kafka cluster's default replication factor, whatever its size.
        props.put("config.storage.replication.factor", "-1");
        props.put("offset.storage.replication.factor", "-1");
        props.put("status.storage.replication.factor", "-1");
        // Connect holds a departed worker's tasks this long for it to come back (5 minutes by default). A
        // replacement joins as a new worker and never gets them back early, so a longer wait only keeps
        // the dead worker's tasks stopped; 10 s still spares a worker restarted in place a second move.
        props.put("scheduled.rebalance.max.delay.ms", "10000");
        props.put("key.converter", STRING_CONVERTER);
        props.put("value.converter", STRING_CONVERTER);
        // WorkerProperties let no worker configuration touch the settings above but the converters and
        // the offsets topic, which MSK Connect lets users choose.
        props.putAll(workerProperties);
        if (spec.encryptionType().equals("TLS")) {
            for (String prefix : CLIENT_PREFIXES) {
                props.put(prefix + "security.protocol", "SSL");
                caCertificatePem.ifPresent(pem -> {
                    props.put(prefix + "ssl.truststore.type", "PEM");
                    props.put(prefix + "ssl.truststore.certificates", pem);
                });
            }
        }
        return props;
    }

    /** The connector's configuration as Connect gets it, when it runs on {@code workerCount} workers. */
    public static Map<String, String> connectorConfiguration(ConnectorSpec spec, int workerCount) {
        var config = new LinkedHashMap<>(spec.connectorConfiguration());
        var capacity = spec.capacity();
        capacity.autoScaling().ifPresent(scaling -> {
            int tasks = workerCount * capacity.mcuCount() * ConnectorCapacity.TASKS_PER_MCU;
            config.put("tasks.max", Integer.toString(scaling.maxAutoscalingTaskCount().map(max -> Math.min(max, tasks))
                    .orElse(tasks)));
        });
        return config;
    }

    /** The {@code tasks.max} of a connector configuration; Connect's default is 1. */
    public static int tasksMax(Map<String, String> connectorConfiguration) {
        try {
            return Integer.parseInt(connectorConfiguration.getOrDefault("tasks.max", "1").strip());
        } catch (NumberFormatException e) {
            // Connect refuses the configuration itself, saying why; no bound to hold statuses to.
            return Integer.MAX_VALUE;
        }
    }
}
