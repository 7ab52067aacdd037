package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serves one operation: a validated input keyed by wire names in, the output (or null for none) out. */
@FunctionalInterface
public interface OperationHandler {
    JsonNode handle(ObjectNode input);
}
