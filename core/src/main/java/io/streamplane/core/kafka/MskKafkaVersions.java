package io.streamplane.core.kafka;

import java.util.List;

/**
 * Every Kafka version string MSK accepts, from MSK's "Supported Apache Kafka versions" page, with
 * the end-of-support dates MSK has published, oldest first; then the 4.x lines beyond MSK's own
 * that Streamplane offers. MSK names ZooKeeper versions by release ({@code 3.6.0}) or minor line
 * ({@code 3.8.x}) and KRaft versions with a {@code .kraft} suffix.
 */
final class MskKafkaVersions {
    static final List<KafkaVersion> ALL = List.of(
            KafkaVersion.zookeeper("1.1.1", "2024-06-05"),
            KafkaVersion.zookeeper("2.1.0", "2024-06-05"),
            KafkaVersion.zookeeper("2.2.1", "2024-06-08"),
            KafkaVersion.zookeeper("2.3.1", "2024-06-08"),
            KafkaVersion.zookeeper("2.4.1", "2024-06-08"),
            KafkaVersion.zookeeper("2.4.1.1", "2024-06-08"),
            KafkaVersion.zookeeper("2.5.1", "2024-06-08"),
            KafkaVersion.zookeeper("2.6.0", "2024-09-11"),
            KafkaVersion.zookeeper("2.6.1", "2024-09-11"),
            KafkaVersion.zookeeper("2.6.2", "2024-09-11"),
            KafkaVersion.zookeeper("2.6.3", "2024-09-11"),
            KafkaVersion.zookeeper("2.7.0", "2024-09-11"),
            KafkaVersion.zookeeper("2.7.1", "2024-09-11"),
            KafkaVersion.zookeeper("2.7.2", "2024-09-11"),
            KafkaVersion.zookeeper("2.8.0", "2024-09-11"),
            KafkaVersion.zookeeper("2.8.1", "2024-09-11"),
            KafkaVersion.zookeeper("2.8.2.tiered", "2025-01-14"),
            KafkaVersion.zookeeper("3.1.1", "2024-09-11"),
            KafkaVersion.zookeeper("3.2.0", "2024-09-11"),
            KafkaVersion.zookeeper("3.3.1", "2024-09-11"),
            KafkaVersion.zookeeper("3.3.2", "2024-09-11"),
            KafkaVersion.zookeeper("3.4.0", "2025-08-04"),
            KafkaVersion.zookeeper("3.5.1", "2025-10-23"),
            KafkaVersion.zookeeper("3.6.0", "2026-06-01"),
            KafkaVersion.zookeeper("3.7"),
            KafkaVersion.kraft("3.7"),
            KafkaVersion.zookeeper("3.8"),
            KafkaVersion.kraft("3.8"),
            KafkaVersion.zookeeper("3.9"),
            KafkaVersion.kraft("3.9"),
            KafkaVersion.kraft("4.0"),
            KafkaVersion.kraft("4.1"),
            KafkaVersion.kraft("4.2"),
            KafkaVersion.kraft("4.3"),
            KafkaVersion.kraft("4.4"));

    private MskKafkaVersions() {
    }
}
