package io.streamplane.core.operation;

/**
 * Which plan runs an operation. Implemented by an exhaustive switch over the operation's type, so
 * that a type without a plan does not compile.
 */
@FunctionalInterface
public interface PlanCatalog<O, R> {
    OperationPlan<?, O, R> planFor(O operation);
}
