package io.streamplane.core.connect;

import io.streamplane.core.connect.ConnectWorkers.ConnectorStatus;
import io.streamplane.core.connect.ConnectWorkers.TaskStatus;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectorHealthTest {
    @Test
    void aRunningConnectorWithEveryTaskRunning_isRunning() {
        var status = new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "RUNNING"), task(1, "RUNNING")));

        assertThat(ConnectorHealth.of(status, 2)).hasValueSatisfying(v -> {
            assertThat(v.state()).isEqualTo(ConnectorState.RUNNING);
            assertThat(v.description()).isEmpty();
        });
    }

    @Test
    void aFailedTask_failsTheConnector_withTheExceptionLineOfItsTrace() {
        var status = new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "RUNNING"),
                new TaskStatus(1, "FAILED", Optional.of("org.apache.kafka.connect.errors.ConnectException: no file\n"
                        + "\tat org.apache.kafka.connect.file.FileStreamSinkTask.start(...)"))));

        assertThat(ConnectorHealth.of(status, 2)).hasValueSatisfying(v -> {
            assertThat(v.state()).isEqualTo(ConnectorState.FAILED);
            assertThat(v.description().orElseThrow().message())
                    .isEqualTo("Task 1 failed: org.apache.kafka.connect.errors.ConnectException: no file");
        });
    }

    @Test
    void aPausedConnector_isPaused_onlyOnceEveryTaskIsPaused() {
        assertThat(ConnectorHealth.of(new ConnectorStatus("PAUSED", Optional.empty(), List.of(task(0, "PAUSED"),
                task(1, "PAUSED"))), 2)).map(ConnectorHealth.Verdict::state).contains(ConnectorState.PAUSED);
        assertThat(ConnectorHealth.of(new ConnectorStatus("PAUSED", Optional.empty(), List.of(task(0, "PAUSED"),
                task(1, "RUNNING"))), 2)).isEmpty();
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "PAUSED"))), 1))
                .isEmpty();
    }

    @Test
    void tasksStillBeingAssigned_settleNothingYet() {
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(), List.of()), 1)).isEmpty();
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(),
                List.of(task(0, "UNASSIGNED"))), 1)).isEmpty();
    }

    @Test
    void statusesFromBeforeTasksMaxWasLowered_settleNothingYet() {
        // Four tasks ran; tasks.max is now 2 and Connect fails the tasks it starts before it has
        // made the two new task configurations.
        var stale = new ConnectorStatus("RUNNING", Optional.empty(), List.of(task(0, "RUNNING"), task(1, "RUNNING"),
                new TaskStatus(2, "FAILED", Optional.of("org.apache.kafka.connect.runtime.TooManyTasksException: "
                        + "The connector orders has generated 4 tasks, which is greater than 2")), task(3, "RUNNING")));

        assertThat(ConnectorHealth.of(stale, 2)).isEmpty();
        assertThat(ConnectorHealth.of(new ConnectorStatus("RUNNING", Optional.empty(),
                List.of(task(0, "RUNNING"), task(1, "RUNNING"))), 2))
                .hasValueSatisfying(v -> assertThat(v.state()).isEqualTo(ConnectorState.RUNNING));
    }

    private static TaskStatus task(int id, String state) {
        return new TaskStatus(id, state, Optional.empty());
    }
}
