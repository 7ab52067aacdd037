package io.streamplane.core.operation;

/** The work of one step, chosen by a plan's switch over its step kinds. */
@FunctionalInterface
public interface StepAction {
    void run() throws Exception;
}
