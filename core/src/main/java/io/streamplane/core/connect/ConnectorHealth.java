package io.streamplane.core.connect;

import io.streamplane.core.connect.ConnectWorkers.ConnectorStatus;

import java.util.Optional;

/**
 * What Connect's status means for the connector's MSK Connect state: RUNNING once the connector
 * and every task run, PAUSED once they are all paused, FAILED with the error when the connector or
 * a task failed, and not
 * settled yet otherwise (tasks still being assigned or restarted, or statuses left from before
 * the last change of {@code tasks.max}). Pure.
 */
public final class ConnectorHealth {
    private ConnectorHealth() {
    }

    public record Verdict(ConnectorState state, Optional<StateDescription> description) {
    }

    /** @param tasksMax the {@code tasks.max} the connector was last configured with */
    public static Optional<Verdict> of(ConnectorStatus status, int tasksMax) {
        // Task ids run from 0 below tasks.max. A higher one is a status from before tasks.max was
        // lowered: Connect has yet to make the new task configurations, and meanwhile fails tasks
        // it starts for the old ones (too many for the new tasks.max) only to replace them.
        if (status.tasks().stream().anyMatch(t -> t.id() >= tasksMax)) {
            return Optional.empty();
        }
        if (status.state().equals("FAILED")) {
            return Optional.of(failed("The connector failed: " + firstLine(status.trace())));
        }
        var failedTask = status.tasks().stream().filter(t -> t.state().equals("FAILED")).findFirst();
        if (failedTask.isPresent()) {
            return Optional.of(failed("Task " + failedTask.get().id() + " failed: "
                    + firstLine(failedTask.get().trace())));
        }
        if (inState(status, "RUNNING")) {
            return Optional.of(new Verdict(ConnectorState.RUNNING, Optional.empty()));
        }
        if (inState(status, "PAUSED")) {
            return Optional.of(new Verdict(ConnectorState.PAUSED, Optional.empty()));
        }
        return Optional.empty();
    }

    /** Whether the connector and every one of its tasks (it has some) are in Connect's {@code state}. */
    private static boolean inState(ConnectorStatus status, String state) {
        return status.state().equals(state) && !status.tasks().isEmpty()
                && status.tasks().stream().allMatch(t -> t.state().equals(state));
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
