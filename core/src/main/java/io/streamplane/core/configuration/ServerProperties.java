package io.streamplane.core.configuration;

import io.streamplane.core.PropertiesFile;
import io.streamplane.core.error.InvalidRequest;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.streamplane.core.configuration.PropertyRule.bool;
import static io.streamplane.core.configuration.PropertyRule.className;
import static io.streamplane.core.configuration.PropertyRule.decimal;
import static io.streamplane.core.configuration.PropertyRule.integer;
import static io.streamplane.core.configuration.PropertyRule.listOf;
import static io.streamplane.core.configuration.PropertyRule.longValue;
import static io.streamplane.core.configuration.PropertyRule.oneOf;

/**
 * The broker properties MSK lets customers set in a configuration ("Custom MSK configurations"),
 * each with the values it accepts. Anything else is refused, naming the property and the reason.
 */
public final class ServerProperties {
    private static final long INT_MAX = Integer.MAX_VALUE;
    private static final long LONG_MAX = Long.MAX_VALUE;
    /*
     * Ceilings for what a broker allocates by itself. MSK documents no maximum for these on Standard
     * brokers; past these a broker spends its memory on threads and buffers rather than records:
     * threads beyond what MSK's largest brokers run (Express m7g.16xlarge: 128 I/O threads), and no
     * request, record or fetch larger than MSK's own socket.request.max.bytes of 100 MiB, which a
     * broker may hold in its heap once per connection.
     */
    private static final long MAX_IO_THREADS = 256;
    private static final long MAX_NETWORK_THREADS = 128;
    private static final long MAX_HELPER_THREADS = 64;
    private static final long MAX_REQUEST_BYTES = 104_857_600;
    private static final long MAX_SOCKET_BUFFER_BYTES = 16 * 1024 * 1024;
    private static final Map<String, PropertyRule> ALLOWED = allowed();
    /** Properties of a broker's ZooKeeper client, which a KRaft cluster has no use for (MSK refuses them there). */
    private static final Set<String> ZOOKEEPER_ONLY = Set.of("zookeeper.connection.timeout.ms",
            "zookeeper.session.timeout.ms");

    private ServerProperties() {
    }

    /** Parses server.properties text and checks every property; returns them sorted by name. */
    public static Map<String, String> parseAndValidate(String text) {
        var parsed = parse(text);
        if (parsed.isEmpty()) {
            throw new InvalidRequest("serverProperties", "serverProperties sets no property");
        }
        var problems = new ArrayList<String>();
        parsed.forEach((name, value) -> {
            var rule = ALLOWED.get(name);
            if (rule == null) {
                problems.add(name + ": is not a property MSK configurations may set");
            } else {
                rule.check(value).ifPresent(why -> problems.add(name + ": " + why));
            }
        });
        if (!problems.isEmpty()) {
            throw new InvalidRequest("serverProperties", "Invalid serverProperties: " + String.join("; ", problems));
        }
        return parsed;
    }

    /** The properties that apply to ZooKeeper clusters only, sorted. */
    public static List<String> zookeeperOnly(Map<String, String> properties) {
        return properties.keySet().stream().filter(ZOOKEEPER_ONLY::contains).sorted().toList();
    }

    /** Reads properties that were validated when they were stored. */
    public static Map<String, String> parse(String text) {
        return PropertiesFile.parse(text, "serverProperties");
    }

    private static Map<String, PropertyRule> allowed() {
        var rules = new LinkedHashMap<String, PropertyRule>();
        rules.put("allow.everyone.if.no.acl.found", bool());
        rules.put("auto.create.topics.enable", bool());
        rules.put("compression.type", oneOf("gzip", "snappy", "lz4", "zstd", "uncompressed", "producer"));
        rules.put("connections.max.idle.ms", longValue(0, LONG_MAX));
        rules.put("default.replication.factor", integer(1, INT_MAX));
        rules.put("delete.topic.enable", bool());
        rules.put("group.initial.rebalance.delay.ms", integer(0, INT_MAX));
        rules.put("group.max.session.timeout.ms", integer(0, INT_MAX));
        rules.put("group.min.session.timeout.ms", integer(0, INT_MAX));
        rules.put("leader.imbalance.per.broker.percentage", integer(0, 100));
        rules.put("log.cleaner.delete.retention.ms", longValue(0, LONG_MAX));
        rules.put("log.cleaner.min.cleanable.ratio", decimal(0, 1));
        rules.put("log.cleanup.policy", listOf("delete", "compact"));
        rules.put("log.flush.interval.messages", longValue(1, LONG_MAX));
        rules.put("log.flush.interval.ms", longValue(0, LONG_MAX));
        rules.put("log.message.timestamp.difference.max.ms", longValue(0, LONG_MAX));
        rules.put("log.message.timestamp.type", oneOf("CreateTime", "LogAppendTime"));
        rules.put("log.retention.bytes", longValue(-1, LONG_MAX));
        rules.put("log.retention.hours", integer(-1, INT_MAX));
        rules.put("log.retention.minutes", integer(-1, INT_MAX));
        rules.put("log.retention.ms", longValue(-1, LONG_MAX));
        rules.put("log.roll.ms", longValue(1, LONG_MAX));
        rules.put("log.segment.bytes", integer(1024 * 1024, INT_MAX));
        rules.put("max.incremental.fetch.session.cache.slots", integer(0, INT_MAX));
        rules.put("message.max.bytes", integer(0, MAX_REQUEST_BYTES));
        rules.put("min.insync.replicas", integer(1, INT_MAX));
        rules.put("num.io.threads", integer(1, MAX_IO_THREADS));
        rules.put("num.network.threads", integer(1, MAX_NETWORK_THREADS));
        rules.put("num.partitions", integer(1, INT_MAX));
        rules.put("num.recovery.threads.per.data.dir", integer(1, MAX_HELPER_THREADS));
        rules.put("num.replica.fetchers", integer(1, MAX_HELPER_THREADS));
        rules.put("offsets.retention.minutes", integer(1, INT_MAX));
        rules.put("offsets.topic.replication.factor", integer(1, Short.MAX_VALUE));
        rules.put("replica.fetch.max.bytes", integer(0, MAX_REQUEST_BYTES));
        rules.put("replica.fetch.response.max.bytes", integer(0, MAX_REQUEST_BYTES));
        rules.put("replica.lag.time.max.ms", longValue(10_000, 30_000));
        rules.put("replica.selector.class", className());
        rules.put("replica.socket.receive.buffer.bytes", integer(-1, MAX_SOCKET_BUFFER_BYTES));
        rules.put("socket.receive.buffer.bytes", integer(-1, MAX_SOCKET_BUFFER_BYTES));
        rules.put("socket.request.max.bytes", integer(1, MAX_REQUEST_BYTES));
        rules.put("socket.send.buffer.bytes", integer(-1, MAX_SOCKET_BUFFER_BYTES));
        rules.put("transaction.max.timeout.ms", integer(1, INT_MAX));
        rules.put("transaction.state.log.min.isr", integer(1, INT_MAX));
        rules.put("transaction.state.log.replication.factor", integer(1, Short.MAX_VALUE));
        rules.put("transactional.id.expiration.ms", integer(1, INT_MAX));
        rules.put("unclean.leader.election.enable", bool());
        rules.put("zookeeper.connection.timeout.ms", integer(1, INT_MAX));
        rules.put("zookeeper.session.timeout.ms", integer(6_000, 18_000));
        return Map.copyOf(rules);
    }
}
