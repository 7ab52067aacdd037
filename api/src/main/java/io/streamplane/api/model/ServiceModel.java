package io.streamplane.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * An AWS service model (botocore's JSON form) loaded from the classpath: the single source of
 * truth for routes, member names, types, enums and constraints.
 */
public final class ServiceModel {
    private final JsonNode root;
    private final List<OperationModel> operations;

    private ServiceModel(JsonNode root) {
        this.root = root;
        var ops = new ArrayList<OperationModel>();
        root.path("operations").forEach(op -> ops.add(new OperationModel(
                op.path("name").asText(),
                op.path("http").path("method").asText(),
                new UriTemplate(op.path("http").path("requestUri").asText()),
                optionalText(op.path("input").path("shape")),
                optionalText(op.path("output").path("shape")),
                op.path("http").path("responseCode").asInt(200))));
        ops.sort(Comparator.comparingInt((OperationModel o) -> o.uri().literalSegments()).reversed());
        this.operations = List.copyOf(ops);
    }

    public static ServiceModel load(String resource) {
        try (InputStream in = ServiceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Service model " + resource + " is not on the classpath");
            }
            return new ServiceModel(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read service model " + resource, e);
        }
    }

    public String signingName() {
        return root.path("metadata").path("signingName").asText();
    }

    /** The prefix of X-Amz-Target in the JSON protocol, e.g. "secretsmanager". */
    public String targetPrefix() {
        return root.path("metadata").path("targetPrefix").asText();
    }

    /** Operations, the most specific routes first. */
    public List<OperationModel> operations() {
        return operations;
    }

    public Optional<OperationModel> operation(String name) {
        return operations.stream().filter(o -> o.name().equals(name)).findFirst();
    }

    public JsonNode shape(String name) {
        JsonNode shape = root.path("shapes").path(name);
        if (shape.isMissingNode()) {
            throw new IllegalArgumentException("No shape " + name + " in the service model");
        }
        return shape;
    }

    /** The HTTP status of an error shape, e.g. 404 for NotFoundException. */
    public int errorStatus(String errorShape) {
        return root.path("shapes").path(errorShape).path("error").path("httpStatusCode").asInt(400);
    }

    private static Optional<String> optionalText(JsonNode node) {
        return node.isMissingNode() ? Optional.empty() : Optional.of(node.asText());
    }
}
