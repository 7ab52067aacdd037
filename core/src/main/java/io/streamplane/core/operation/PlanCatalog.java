package io.streamplane.core.operation;

/**
 * Which plan runs each operation type. Implemented by one exhaustive switch over
 * {@link OperationType}, so that a type without a plan does not compile.
 */
@FunctionalInterface
public interface PlanCatalog {
    OperationPlan<?> planFor(OperationType type);
}
