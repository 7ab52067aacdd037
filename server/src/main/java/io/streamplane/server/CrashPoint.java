package io.streamplane.server;

import io.streamplane.core.operation.OperationObserver;

import java.util.Optional;

/**
 * Fault injection for crash tests. With {@code STREAMPLANE_CRASH_AT=TYPE/N} the server halts right
 * after recording that an operation of type {@code TYPE} has {@code N} or more steps complete, or
 * its end if it ends first (it failed); with {@code TYPE/ended}, right after recording its end and
 * outcome. Halting runs no shutdown hook and
 * closes nothing, as a SIGKILL or a power cut would end the server. The count is the operation's
 * own, kept in the store, so a test crashes a resumed operation at its next step by starting the
 * next server with the next number; the last line the server writes says how far the operation got
 * ("at step 2 of 5").
 */
final class CrashPoint implements OperationObserver {
    static final String VARIABLE = "STREAMPLANE_CRASH_AT";
    /** What a process killed by SIGKILL exits with, so the test sees a crash either way. */
    static final int EXIT_CODE = 137;
    private final String type;
    private final String point;

    private CrashPoint(String type, String point) {
        this.type = type;
        this.point = point;
    }

    /** The crash point the variable names, or none. A value it cannot read stops the server from starting. */
    static OperationObserver fromEnvironment() {
        return parse(Optional.ofNullable(System.getenv(VARIABLE)).filter(v -> !v.isBlank()))
                .map(OperationObserver.class::cast).orElse(OperationObserver.NONE);
    }

    static Optional<CrashPoint> parse(Optional<String> value) {
        return value.map(v -> {
            var parts = v.strip().split("/", 2);
            if (parts.length != 2 || parts[0].isEmpty() || !(parts[1].equals("ended") || parts[1].matches("[1-9][0-9]{0,3}"))) {
                throw new IllegalArgumentException(VARIABLE + " must be TYPE/N or TYPE/ended, got '" + v + "'");
            }
            return new CrashPoint(parts[0], parts[1]);
        });
    }

    @Override
    public void stepCompleted(String operationType, int completedSteps, int steps) {
        if (operationType.equals(type) && !point.equals("ended") && completedSteps >= Integer.parseInt(point)) {
            halt("at step " + completedSteps + " of " + steps);
        }
    }

    @Override
    public void ended(String operationType) {
        if (operationType.equals(type)) {
            halt("at its end");
        }
    }

    private void halt(String where) {
        System.err.println("Crash point " + type + "/" + point + " reached " + where + ": halting");
        System.err.flush();
        Runtime.getRuntime().halt(EXIT_CODE);
    }
}
