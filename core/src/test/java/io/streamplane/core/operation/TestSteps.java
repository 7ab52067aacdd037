package io.streamplane.core.operation;

/** Step kinds of a plan made up for tests, one of them on a node. */
enum TestSteps implements StepKind {
    PREPARE,
    RESTART_NODE {
        @Override
        public boolean onNode() {
            return true;
        }
    },
    /** A kind whose name is another's with a suffix, not a node id. */
    RESTART_NODES,
    CHECK
}
