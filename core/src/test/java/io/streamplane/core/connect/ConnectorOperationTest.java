package io.streamplane.core.connect;

import io.streamplane.core.operation.ErrorInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A connector operation's states are MSK Connect's for its type: UPDATE_..., PAUSE_..., and so on. */
class ConnectorOperationTest {
    private static final Instant NOW = Instant.parse("2026-12-04T10:00:00Z");

    @Test
    void aPause_goesThroughThePauseStates_onAnUpdatesFirstAndLastSteps() {
        var pause = ConnectorOperation.control(connector(), "op-1", ConnectorOperationType.PAUSE_CONNECTOR, false, NOW);
        assertThat(pause.state()).isEqualTo("PENDING");
        assertThat(pause.stepNames()).containsExactly("INITIALIZE_UPDATE", "FINALIZE_UPDATE");

        var running = pause.stepStarted("INITIALIZE_UPDATE");
        assertThat(running.state()).isEqualTo("PAUSE_IN_PROGRESS");
        assertThat(running.isFinished()).isFalse();
        var done = running.stepCompleted("INITIALIZE_UPDATE").stepCompleted("FINALIZE_UPDATE").completed(NOW);
        assertThat(done.state()).isEqualTo("PAUSE_COMPLETE");
        assertThat(done.isFinished()).isTrue();
        assertThat(done.endTime()).contains(NOW);
    }

    @Test
    void aFailedRestart_isRestartFailed_andKeepsWhetherOnlyFailedTasksWereAskedFor() {
        var restart = ConnectorOperation.control(connector(), "op-2", ConnectorOperationType.RESTART_CONNECTOR, true,
                NOW).stepStarted("INITIALIZE_UPDATE");

        var failed = restart.failed(NOW, Optional.of("INITIALIZE_UPDATE"), new ErrorInfo("UPDATE_FAILED", "no worker"));
        assertThat(failed.state()).isEqualTo("RESTART_FAILED");
        assertThat(failed.isFinished()).isTrue();
        assertThat(failed.onlyFailedTasks()).isTrue();
        assertThat(failed.steps()).extracting(ConnectorOperation.Step::state).containsExactly("FAILED", "CANCELLED");
    }

    @Test
    void anUpdate_keepsMskConnectsUpdateStates() {
        var update = ConnectorOperation.open(connector(), "op-3", ConnectorOperationType.UPDATE_CONNECTOR_CONFIGURATION,
                Optional.empty(), Optional.empty(), Optional.of(Map.of("tasks.max", "2")), NOW);
        assertThat(update.stepStarted("INITIALIZE_UPDATE").state()).isEqualTo("UPDATE_IN_PROGRESS");
        assertThat(update.completed(NOW).state()).isEqualTo("UPDATE_COMPLETE");
        assertThat(update.onlyFailedTasks()).isFalse();
    }

    private static Connector connector() {
        var capacity = ConnectorCapacity.provisioned(1, 1);
        var spec = new ConnectorSpec(capacity, Map.of("connector.class", "FileStreamSink"), "127.0.0.1:9092",
                List.of("subnet-1"), List.of(), "NONE", "PLAINTEXT", "3.7.x", Optional.empty(), "arn:plugin", 1,
                Optional.empty(), Optional.empty(), "arn:role", "IPV4");
        return new Connector("arn:aws:kafkaconnect:us-east-1:000000000000:connector/c/uuid-1", "c", "", NOW,
                ConnectorState.RUNNING, Optional.empty(), "K1", spec, List.of());
    }
}
