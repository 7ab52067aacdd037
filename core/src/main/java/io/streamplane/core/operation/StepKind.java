package io.streamplane.core.operation;

/**
 * What a step of an operation does. Each plan declares its kinds as an enum, so that running a
 * step is a switch the compiler checks covers every kind.
 */
public interface StepKind {

    /** The kind's name, which starts the step's name as DescribeClusterOperation shows it. */
    String name();

    /**
     * Whether every step of this kind acts on one node, whose id ends the step's name. Kinds that do
     * say so in their constant's body.
     */
    default boolean onNode() {
        return false;
    }
}
