package io.streamplane.core.connect;

import io.streamplane.core.PropertiesFile;
import io.streamplane.core.PropertyKeys;
import io.streamplane.core.error.InvalidRequest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The worker properties MSK Connect lets users set: the converters are required; the cluster
 * connection, internal topics, REST server, security and the worker's identity are the
 * service's; producers and consumers take only the settings MSK Connect lists; nothing may make
 * the workers load classes or files of the user's choosing beyond the converters.
 */
public final class WorkerProperties {
    private static final String FIELD = "propertiesFileContent";
    private static final Set<String> REQUIRED = Set.of("key.converter", "value.converter");
    private static final List<String> REFUSED_PREFIXES = List.of("access.control.", "admin.", "admin.listeners.https.",
            "client.", "connect.", "inter.worker.", "internal.", "listeners.https.", "metrics.", "metrics.context.",
            "rest.", "sasl.", "security.", "socket.", "ssl.", "topic.tracking.", "worker.");
    /** Configuration providers load classes and read files and environment on the workers. */
    private static final String CONFIG_PROVIDERS = "config.providers";
    private static final Set<String> REFUSED = Set.of("bootstrap.servers", "config.storage.topic",
            "connections.max.idle.ms", "connector.client.config.override.policy", "group.id", "listeners",
            "metric.reporters", "plugin.discovery", "plugin.path", "receive.buffer.bytes", "response.http.headers.config",
            "scheduled.rebalance.max.delay.ms", "send.buffer.bytes", "status.storage.topic");
    private static final Set<String> PRODUCER = Set.of("acks", "batch.size", "buffer.memory", "compression.type",
            "enable.idempotence", "key.serializer", "max.request.size", "metadata.max.age.ms", "metadata.max.idle.ms",
            "reconnect.backoff.max.ms", "reconnect.backoff.ms", "request.timeout.ms", "retry.backoff.ms",
            "value.serializer");
    private static final Set<String> CONSUMER = Set.of("allow.auto.create.topics", "auto.offset.reset", "check.crcs",
            "fetch.max.bytes", "fetch.max.wait.ms", "fetch.min.bytes", "heartbeat.interval.ms", "key.deserializer",
            "max.partition.fetch.bytes", "max.poll.records", "metadata.max.age.ms", "partition.assignment.strategy",
            "reconnect.backoff.max.ms", "reconnect.backoff.ms", "request.timeout.ms", "retry.backoff.ms",
            "session.timeout.ms", "value.deserializer");

    private WorkerProperties() {
    }

    /** The properties by name; a 400 names every property MSK Connect refuses, and why. */
    public static Map<String, String> parseAndValidate(String content) {
        var properties = parse(content);
        var problems = new ArrayList<String>();
        for (String required : REQUIRED) {
            if (!properties.containsKey(required) || properties.get(required).isBlank()) {
                problems.add(required + " is required");
            }
        }
        properties.keySet().forEach(key -> refusal(key).ifPresent(problems::add));
        if (!problems.isEmpty()) {
            throw new InvalidRequest(FIELD, "The worker properties are not allowed: " + String.join("; ", problems));
        }
        return properties;
    }

    /** The properties by name, of text that passed {@link #parseAndValidate} when it was stored. */
    static Map<String, String> parse(String content) {
        return PropertiesFile.parse(content, FIELD);
    }

    private static Optional<String> refusal(String key) {
        var malformed = PropertyKeys.problem(key);
        if (malformed.isPresent()) {
            return malformed;
        }
        if (key.equals(CONFIG_PROVIDERS) || key.startsWith(CONFIG_PROVIDERS + ".")) {
            return Optional.of(key + " is not allowed: configuration providers load classes and files on the workers");
        }
        if (REFUSED.contains(key)) {
            return Optional.of(key + " is set by the service");
        }
        if (key.startsWith("producer.") && !PRODUCER.contains(key.substring("producer.".length()))) {
            return Optional.of(key + " is not a producer property workers may set (allowed: "
                    + String.join(", ", new TreeSet<>(PRODUCER)) + ")");
        }
        if (key.startsWith("consumer.") && !CONSUMER.contains(key.substring("consumer.".length()))) {
            return Optional.of(key + " is not a consumer property workers may set (allowed: "
                    + String.join(", ", new TreeSet<>(CONSUMER)) + ")");
        }
        return REFUSED_PREFIXES.stream().filter(key::startsWith).findFirst()
                .map(prefix -> key + " is set by the service (no " + prefix + "* properties)");
    }
}
