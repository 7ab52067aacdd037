package io.streamplane.core.connect;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class WorkerPlanTest {
    @Test
    void workers_formTheConnectorsOwnConnectCluster_withMskConnectsTopicNames() {
        var props = WorkerPlan.workerProperties(connector(ConnectorCapacity.provisioned(1, 2), "PLAINTEXT"),
                Map.of("value.converter", "org.apache.kafka.connect.json.JsonConverter"), Optional.of("PEM"));

        assertThat(props).containsEntry("bootstrap.servers", "127.1.1.1:9092")
                .containsEntry("group.id", "__amazon_msk_connect_cdc_u-1")
                .containsEntry("config.storage.topic", "__amazon_msk_connect_configs_cdc_u-1")
                .containsEntry("offset.storage.topic", "__amazon_msk_connect_offsets_cdc_u-1")
                .containsEntry("status.storage.topic", "__amazon_msk_connect_status_cdc_u-1")
                .containsEntry("key.converter", "org.apache.kafka.connect.storage.StringConverter")
                .containsEntry("value.converter", "org.apache.kafka.connect.json.JsonConverter")
                .doesNotContainKey("security.protocol");
    }

    @Test
    void tls_isUsedByTheWorkerAndEveryClientItMakes() {
        var props = WorkerPlan.workerProperties(connector(ConnectorCapacity.provisioned(1, 1), "TLS"), Map.of(),
                Optional.of("-----BEGIN CERTIFICATE-----"));

        for (String prefix : List.of("", "producer.", "consumer.", "admin.")) {
            assertThat(props).containsEntry(prefix + "security.protocol", "SSL")
                    .containsEntry(prefix + "ssl.truststore.certificates", "-----BEGIN CERTIFICATE-----");
        }
    }

    @Test
    void anAutoscaledConnector_getsTwoTasksPerMcuOfItsWorkers_cappedByItsMaximum() {
        var scaling = new AutoScaling(1, 4, 20, 80, Optional.empty());
        var spec = connector(ConnectorCapacity.autoScaled(2, scaling), "PLAINTEXT").spec();
        assertThat(WorkerPlan.connectorConfiguration(spec, 3)).containsEntry("tasks.max", "12");

        var capped = connector(ConnectorCapacity.autoScaled(2, new AutoScaling(1, 4, 20, 80, Optional.of(5))),
                "PLAINTEXT").spec();
        assertThat(WorkerPlan.connectorConfiguration(capped, 3)).containsEntry("tasks.max", "5");
        var provisioned = connector(ConnectorCapacity.provisioned(2, 3), "PLAINTEXT").spec();
        assertThat(WorkerPlan.connectorConfiguration(provisioned, 3)).containsEntry("tasks.max", "1");
    }

    @Test
    void tasksMax_isConnectsDefaultOfOne_whenNotSet() {
        assertThat(WorkerPlan.tasksMax(Map.of("tasks.max", " 6 "))).isEqualTo(6);
        assertThat(WorkerPlan.tasksMax(Map.of("connector.class", "X"))).isEqualTo(1);
        assertThat(WorkerPlan.tasksMax(Map.of("tasks.max", "many"))).isEqualTo(Integer.MAX_VALUE);
    }

    private static Connector connector(ConnectorCapacity capacity, String encryption) {
        var spec = new ConnectorSpec(capacity, Map.of("connector.class", "X", "tasks.max", "1"), "127.1.1.1:9092",
                List.of("subnet-1"), List.of(), "NONE", encryption, "3.7.x", Optional.empty(),
                "arn:aws:kafkaconnect:us-east-1:000000000000:custom-plugin/p/p-1", 1, Optional.empty(),
                Optional.empty(), "arn:aws:iam::000000000000:role/r", "IPV4");
        return new Connector("arn:aws:kafkaconnect:us-east-1:000000000000:connector/cdc/u-1", "cdc", "", Instant.EPOCH,
                ConnectorState.CREATING, Optional.empty(), "K1", spec, List.of());
    }
}
