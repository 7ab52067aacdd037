package io.streamplane.core.connect;

import io.streamplane.core.port.ConnectWorkers.ConnectorStatus;
import io.streamplane.core.port.ConnectWorkers.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorHealthTest {
    @Test
    void aRunningConnectorWithEveryTaskRunning_isRunning() {
        var status = new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "RUNNING"), task(1, "RUNNING")));

        assertThat(ConnectorHealth.of(status)).hasValueSatisfying(v -> {
            assertThat(v.state()).isEqualTo(ConnectorState.RUNNING);
            assertThat(v.description()).isEmpty();
        });
    }

    @Test
    void aFailedTask_failsTheConnector_withTheExceptionLineOfItsTrace() {
        var status = new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "RUNNING"),
                new TaskStatus(1, "FAILED", Optional.of("org.apache.kafka.connect.errors.ConnectException: no file\n"
                        + "\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(...)"))));

        assertThat(ConnectorHealth.of(status)).hasValueSatisfying(v -> {
            assertThat(v.state()).isEqualTo(ConnectorState.FAILED);
            assertThat(v.description().orElseThrow().message())
                    .isEqualTo("Task 1 failed: org.apache.kafka.connect.errors.ConnectException: no file");
        });
    }

    @Test
    void tasksStillBeingAssigned_settleNothingYet() {
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(), List.of()))).isEmpty();
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(),
                List.of(task(0, "UNASSIGNED"))))).isEmpty();
    }

    private static TaskStatus task(int id, String state) {
        return new TaskStatus(id, state, Optional.empty());
    }
}
