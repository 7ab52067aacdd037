package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.operation.ClusterOperation;
import io.streamplane.core.operation.ClusterOperationService;

import java.util.Map;
import java.util.function.Function;

/** DescribeClusterOperation(V2) and ListClusterOperations(V2): one set of operations, two views. */
public final class ClusterOperationHandlers {
    private final ClusterOperationService operations;

    public ClusterOperationHandlers(ClusterOperationService operations) {
        this.operations = operations;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("DescribeClusterOperation", this::describeClusterOperation);
        handlers.put("DescribeClusterOperationV2", this::describeClusterOperationV2);
        handlers.put("ListClusterOperations", this::listClusterOperations);
        handlers.put("ListClusterOperationsV2", this::listClusterOperationsV2);
    }

    JsonNode describeClusterOperation(ObjectNode input) {
        var out = Wire.object();
        out.set("clusterOperationInfo", v1(operations.describe(input.path("clusterOperationArn").asText())));
        return out;
    }

    JsonNode describeClusterOperationV2(ObjectNode input) {
        var operation = operations.describe(input.path("clusterOperationArn").asText());
        var info = summary(operation);
        var provisioned = info.putObject("provisioned");
        provisioned.set("operationSteps", steps(operation));
        operation.sourceSpec().ifPresent(s -> provisioned.set("sourceClusterInfo", ClusterWire.mutableClusterInfo(s)));
        operation.targetSpec().ifPresent(s -> provisioned.set("targetClusterInfo", ClusterWire.mutableClusterInfo(s)));
        operation.errorInfo().ifPresent(e -> info.putObject("errorInfo")
                .put("errorCode", e.errorCode()).put("errorString", e.errorString()));
        var out = Wire.object();
        out.set("clusterOperationInfo", info);
        return out;
    }

    JsonNode listClusterOperations(ObjectNode input) {
        return list(input, ClusterOperationHandlers::v1);
    }

    JsonNode listClusterOperationsV2(ObjectNode input) {
        return list(input, ClusterOperationHandlers::summary);
    }

    private JsonNode list(ObjectNode input, Function<ClusterOperation, ObjectNode> view) {
        return Wire.page("clusterOperationInfoList", operations.list(input.path("clusterArn").asText(),
                Wire.integer(input, "maxResults"), Wire.text(input, "nextToken")), view::apply);
    }

    private static ObjectNode v1(ClusterOperation operation) {
        var info = Wire.object();
        info.put("clusterArn", operation.clusterArn());
        info.put("creationTime", Wire.timestamp(operation.creationTime()));
        operation.endTime().ifPresent(t -> info.put("endTime", Wire.timestamp(t)));
        operation.errorInfo().ifPresent(e -> info.putObject("errorInfo")
                .put("errorCode", e.errorCode()).put("errorString", e.errorString()));
        info.put("operationArn", operation.arn());
        info.put("operationState", operation.state().name());
        info.set("operationSteps", steps(operation));
        info.put("operationType", operation.type().name());
        operation.sourceSpec().ifPresent(s -> info.set("sourceClusterInfo", ClusterWire.mutableClusterInfo(s)));
        operation.targetSpec().ifPresent(s -> info.set("targetClusterInfo", ClusterWire.mutableClusterInfo(s)));
        return info;
    }

    private static ObjectNode summary(ClusterOperation operation) {
        var info = Wire.object();
        info.put("clusterArn", operation.clusterArn());
        info.put("clusterType", "PROVISIONED");
        info.put("startTime", Wire.timestamp(operation.creationTime()));
        operation.endTime().ifPresent(t -> info.put("endTime", Wire.timestamp(t)));
        info.put("operationArn", operation.arn());
        info.put("operationState", operation.state().name());
        info.put("operationType", operation.type().name());
        return info;
    }

    private static JsonNode steps(ClusterOperation operation) {
        var steps = Wire.object().arrayNode();
        operation.steps().forEach(s -> steps.addObject().put("stepName", s.name())
                .putObject("stepInfo").put("stepStatus", s.status().name()));
        return steps;
    }
}
