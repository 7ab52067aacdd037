package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import static org.assertj.core.api.Assertions.assertThat;

class LifecycleLogTest {

    @Test
    void aProcessHasStarted_onlyOnceItLoggedSo(@TempDir Path logs) throws Exception {
        assertThat(LifecycleLog.started(logs, 42)).isEmpty();

        Files.writeString(logs.resolve(Log4jConfiguration.LIFECYCLE_LOG),
                "41 [KafkaRaftServer nodeId=2] Kafka Server started\n"
                        + "42 [KafkaRaftServer nodeId=2] Kafka Server starting\n");
        assertThat(LifecycleLog.started(logs, 42)).contains(false);
        assertThat(LifecycleLog.started(logs, 4)).contains(false);

        Files.writeString(logs.resolve(Log4jConfiguration.LIFECYCLE_LOG),
                "42 [KafkaRaftServer nodeId=2] Kafka Server started\n", StandardOpenOption.APPEND);
        assertThat(LifecycleLog.started(logs, 42)).contains(true);
        assertThat(LifecycleLog.started(logs, 41)).contains(true);
    }

    @Test
    void theNodesLogConfiguration_keepsTheLifecycleLineWithTheProcessId(@TempDir Path logs) {
        String config = Log4jConfiguration.forLogDirectory(logs);

        assertThat(config).contains("appender.lifecycle.fileName = " + logs.resolve("lifecycle.log"))
                .contains("appender.lifecycle.layout.pattern = %pid %m%n")
                .contains(".name = kafka.server.KafkaRaftServer")
                .contains(".name = kafka.server.KafkaServer")
                .contains(".name = org.apache.zookeeper.server.NIOServerCnxnFactory");
    }

    @Test
    void aZooKeeperModeBroker_andAZooKeeperServer_sayTheyStartedInTheirOwnWords() {
        assertThat(LifecycleLog.saysStarted("[KafkaServer id=1] started")).isTrue();
        assertThat(LifecycleLog.saysStarted("[KafkaServer id=1] starting")).isFalse();
        assertThat(LifecycleLog.saysStarted("[KafkaServer id=1] shut down completed")).isFalse();
        assertThat(LifecycleLog.saysStarted("binding to port /127.1.1.201:2181")).isTrue();
        assertThat(LifecycleLog.saysStarted("[KafkaRaftServer nodeId=2] Kafka Server started")).isTrue();
    }

    @Test
    void aControllerHasMigratedTheMetadata_onceAnyOfItsProcessesLoggedSo(@TempDir Path logs) throws Exception {
        assertThat(LifecycleLog.migratedMetadata(logs)).isFalse();
        Files.writeString(logs.resolve(Log4jConfiguration.LIFECYCLE_LOG),
                "7 [KRaftMigrationDriver id=3004] 3004 transitioning from ZK_MIGRATION to SYNC_KRAFT_TO_ZK state\n");
        assertThat(LifecycleLog.migratedMetadata(logs)).isFalse();
        Files.writeString(logs.resolve(Log4jConfiguration.LIFECYCLE_LOG), "7 [KRaftMigrationDriver id=3004] Completed "
                + "migration of metadata from ZooKeeper to KRaft. 5 records were generated\n", StandardOpenOption.APPEND);
        assertThat(LifecycleLog.migratedMetadata(logs)).isTrue();
    }
}
