package io.streamplane.core.operation;

import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * One step of an operation as its plan runs it: a kind of the plan's, and the node it acts on for
 * kinds that act on one. Operations keep and show steps by name ({@code RESTART_BROKER_2}); this
 * is the one place a name is read back.
 */
public record Step<K extends Enum<K> & StepKind>(K kind, OptionalInt nodeId) {
    private static final Pattern NODE_ID = Pattern.compile("[0-9]{1,9}");

    public Step {
        if (kind.onNode() != nodeId.isPresent()) {
            throw new IllegalArgumentException("A " + kind + " step " + (kind.onNode() ? "needs" : "takes no")
                    + " node id");
        }
    }

    public static <K extends Enum<K> & StepKind> Step<K> of(K kind) {
        return new Step<>(kind, OptionalInt.empty());
    }

    public static <K extends Enum<K> & StepKind> Step<K> onNode(K kind, int nodeId) {
        return new Step<>(kind, OptionalInt.of(nodeId));
    }

    /** The node a step of a node kind acts on. */
    public int node() {
        return nodeId.orElseThrow(() -> new IllegalStateException("A " + kind + " step acts on no node"));
    }

    /** The step's name, as operations keep and show it. */
    public String name() {
        return nodeId.isPresent() ? kind.name() + "_" + nodeId.getAsInt() : kind.name();
    }

    /** The step of one of {@code kinds} that {@link #name()} gave {@code name}. */
    public static <K extends Enum<K> & StepKind> Step<K> parse(Class<K> kinds, String name) {
        for (K kind : kinds.getEnumConstants()) {
            if (!kind.onNode() && name.equals(kind.name())) {
                return of(kind);
            }
            String prefix = kind.name() + "_";
            if (kind.onNode() && name.startsWith(prefix) && NODE_ID.matcher(name.substring(prefix.length())).matches()) {
                return onNode(kind, Integer.parseInt(name.substring(prefix.length())));
            }
        }
        throw new IllegalArgumentException("'" + name + "' is no step of " + kinds.getSimpleName());
    }
}
