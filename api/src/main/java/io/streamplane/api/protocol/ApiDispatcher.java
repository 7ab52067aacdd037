package io.streamplane.api.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.DomainException;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.KafkaRefusal;
import io.streamplane.core.error.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A rest-json service (MSK): takes a signed request to a handler and back: routing by method and
 * URI template, reading and validating the input against the model, and mapping every failure to
 * an AWS error. Nothing a client sends can produce a stack trace in a response.
 */
public final class ApiDispatcher implements ServiceApi {
    private static final Logger LOG = LoggerFactory.getLogger(ApiDispatcher.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ServiceModel model;
    private final Map<String, OperationHandler> handlers;
    private final OperationInputs inputs;
    /** MSK's errors name the offending member in {@code invalidParameter}; MSK Connect's have only a message. */
    private final boolean namesInvalidParameter;

    public ApiDispatcher(ServiceModel model, Map<String, OperationHandler> handlers) {
        this.model = model;
        this.handlers = Map.copyOf(handlers);
        this.inputs = new OperationInputs(model);
        this.namesInvalidParameter = model.shape("BadRequestException").path("members").has("InvalidParameter");
    }

    @Override
    public String signingName() {
        return model.signingName();
    }

    @Override
    public ApiResponse handle(ApiRequest request, String requestId) {
        try {
            var route = route(request);
            var operation = route.operation();
            var handler = handlers.get(operation.name());
            if (handler == null) {
                throw new ApiException(new AwsError(501, "NotImplementedException", "The operation "
                        + operation.name() + " is not implemented by this Streamplane server yet", Optional.empty()));
            }
            var input = inputs.read(operation, route.labels(), request.rawQuery(), request.body());
            JsonNode output = handler.handle(input);
            return success(requestId, operation.responseCode(), output);
        } catch (ApiException e) {
            return error(requestId, e.error());
        } catch (DomainException e) {
            return error(requestId, toAwsError(e));
        } catch (RuntimeException e) {
            LOG.error("Request {} {} {} failed", requestId, request.method(), request.rawPath(), e);
            return error(requestId, new AwsError(500, "InternalServerErrorException",
                    "The server could not complete the request; see the server log for request id " + requestId,
                    Optional.empty()));
        }
    }

    private Route route(ApiRequest request) {
        for (OperationModel operation : model.operations()) {
            if (!operation.method().equals(request.method())) {
                continue;
            }
            var labels = operation.uri().match(request.rawPath());
            if (labels.isPresent()) {
                return new Route(operation, labels.get());
            }
        }
        throw new ApiException(new AwsError(404, "UnknownOperationException", "No " + model.signingName()
                + " operation is served at " + request.method() + " " + request.rawPath(), Optional.empty()));
    }

    private AwsError toAwsError(DomainException e) {
        if (e instanceof InvalidRequest invalid) {
            return AwsError.badRequest(invalid.field().orElse(null), e.getMessage());
        }
        if (e instanceof NotFound) {
            return AwsError.notFound(e.getMessage());
        }
        if (e instanceof KafkaRefusal refusal) {
            String type = kafkaErrorType(refusal.reason());
            return new AwsError(model.errorStatus(type), type, e.getMessage(), refusal.field());
        }
        if (e instanceof Conflict) {
            return new AwsError(model.errorStatus("ConflictException"), "ConflictException", e.getMessage(),
                    Optional.empty());
        }
        return AwsError.badRequest(null, e.getMessage());
    }

    /** MSK's exception for each way Kafka refuses a topic request. */
    private static String kafkaErrorType(KafkaRefusal.Reason reason) {
        return switch (reason) {
            case TOPIC_EXISTS -> "TopicExistsException";
            case NOT_CONTROLLER -> "NotControllerException";
            case REASSIGNMENT_IN_PROGRESS -> "ReassignmentInProgressException";
            case GROUP_SUBSCRIBED_TO_TOPIC -> "GroupSubscribedToTopicException";
            case TIMEOUT -> "KafkaTimeoutException";
            case CLUSTER_CONNECTIVITY -> "ClusterConnectivityException";
            case REQUEST -> "KafkaRequestException";
        };
    }

    private static ApiResponse success(String requestId, int status, JsonNode output) {
        byte[] body = status == 204 || output == null ? new byte[0] : json(output);
        return new ApiResponse(status, Map.of("x-amzn-RequestId", requestId, "Content-Type", "application/json"),
                body);
    }

    private ApiResponse error(String requestId, AwsError error) {
        var body = MAPPER.createObjectNode().put("message", error.message());
        if (namesInvalidParameter) {
            error.invalidParameter().ifPresent(p -> body.put("invalidParameter", p));
        }
        return new ApiResponse(error.status(), Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType",
                error.type(), "Content-Type", "application/json"), json(body));
    }

    private static byte[] json(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node).getBytes(StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Route(OperationModel operation, Map<String, String> labels) {
    }
}
