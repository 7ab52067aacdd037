package io.streamplane.core.connect;

import io.streamplane.core.port.ConnectWorkers.ConnectorStatus;

import java.util.Optional;

/**
 * What Connect's status means for the connector's MSK Connect state: RUNNING once the connector
 * and every task run, FAILED with the error when the connector or a task failed, and not
 * settled yet otherwise (tasks still being assigned or restarted). Pure.
 */
public final class ConnectorHealth {
    private ConnectorHealth() {
    }

    public record Verdict(ConnectorState state, Optional<StateDescription> description) {
    }

    public static Optional<Verdict> of(ConnectorStatus status) {
        if (status.state().equals("FAILED")) {
            return Optional.of(failed("The connector failed: " + firstLine(status.trace())));
        }
        var failedTask = status.tasks().stream().filter(t -> t.state().equals("FAILED")).findFirst();
        if (failedTask.isPresent()) {
            return Optional.of(failed("Task " + failedTask.get().id() + " failed: "
                    + firstLine(failedTask.get().trace())));
        }
        boolean allRunning = !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> t.state().equals("RUNNING"));
        if (status.state().equals("RUNNING") && allRunning) {
            return Optional.of(new Verdict(ConnectorState.RUNNING, Optional.empty()));
        }
        return Optional.empty();
    }

    private static Verdict failed(String message) {
        return new Verdict(ConnectorState.FAILED, Optional.of(new StateDescription("CONNECTOR_FAILED", message)));
    }

    /** The exception line of a Java stack trace, which says what went wrong. */
    private static String firstLine(Optional<String> trace) {
        return trace.map(t -> t.lines().findFirst().orElse(t).strip()).filter(t -> !t.isEmpty())
                .orElse("no reason was reported");
    }
}
