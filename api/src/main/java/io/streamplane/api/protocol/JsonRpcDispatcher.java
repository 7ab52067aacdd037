package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.DomainException;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * A service in AWS's JSON 1.1 protocol (Secrets Manager, Private CA): every call is a POST to / naming its
 * operation in {@code X-Amz-Target: <targetPrefix>.<Operation>}; errors carry their type in
 * {@code __type}, and all of them are 400s, as the service itself answers.
 */
public final class JsonRpcDispatcher implements ServiceApi {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";
    private final ServiceModel model;
    private final ErrorNames errors;
    private final Map<String, OperationHandler> handlers;
    private final OperationInputs inputs;

    /**
     * What the service calls its errors: a bad member, a request at odds with the resource's state,
     * a resource that does not exist, and one that already does.
     */
    public record ErrorNames(String invalidParameter, String invalidRequest, String notFound, String exists) {
        public static final ErrorNames SECRETS_MANAGER = new ErrorNames("InvalidParameterException",
                "InvalidRequestException", "ResourceNotFoundException", "ResourceExistsException");
        public static final ErrorNames PRIVATE_CA = new ErrorNames("InvalidArgsException", "InvalidStateException",
                "ResourceNotFoundException", "RequestAlreadyProcessedException");
    }

    public JsonRpcDispatcher(ServiceModel model, ErrorNames errors, Map<String, OperationHandler> handlers) {
        this.model = model;
        this.errors = errors;
        this.handlers = Map.copyOf(handlers);
        this.inputs = new OperationInputs(model);
    }

    @Override
    public String signingName() {
        return model.signingName();
    }

    /**
     * Every call is a POST here: reads are told by their names, which AWS gives every JSON API's
     * reads (Get..., Describe..., List...). Their answers are not kept, secret values among them.
     */
    @Override
    public boolean mayChangeState(ApiRequest request) {
        String operation = operationName(request);
        return !(operation.startsWith("Get") || operation.startsWith("Describe") || operation.startsWith("List"));
    }

    /** The operation X-Amz-Target names, without the service's prefix; empty when it names none of ours. */
    private String operationName(ApiRequest request) {
        String target = request.header("x-amz-target").orElse("");
        String prefix = model.targetPrefix() + ".";
        return target.startsWith(prefix) ? target.substring(prefix.length()) : "";
    }

    @Override
    public ApiResponse handle(ApiRequest request, String requestId) {
        try {
            String name = operationName(request);
            Optional<OperationModel> operation = !name.isEmpty() && request.method().equals("POST")
                    ? model.operation(name) : Optional.empty();
            if (operation.isEmpty()) {
                return error(requestId, 400, "UnknownOperationException", "No " + model.signingName()
                        + " operation is named by X-Amz-Target '" + request.header("x-amz-target").orElse("") + "'");
            }
            var handler = handlers.get(operation.get().name());
            if (handler == null) {
                return error(requestId, 400, "UnsupportedOperationException", "The operation "
                        + operation.get().name() + " is not implemented by this Streamplane server");
            }
            var input = inputs.read(operation.get(), Map.of(), null, request.body());
            return success(requestId, handler.handle(input));
        } catch (ApiException e) {
            // The input checks speak MSK's BadRequestException; this service names a bad member its own way.
            String type = e.error().type().equals("BadRequestException") ? errors.invalidParameter() : e.error().type();
            return error(requestId, e.error().status(), type, e.error().message());
        } catch (InvalidRequest e) {
            // A bad member is a bad parameter; a request at odds with the resource's state is an invalid request.
            return error(requestId, 400, e.field().isPresent() ? errors.invalidParameter() : errors.invalidRequest(),
                    e.getMessage());
        } catch (NotFound e) {
            return error(requestId, 400, errors.notFound(), e.getMessage());
        } catch (Conflict e) {
            return error(requestId, 400, errors.exists(), e.getMessage());
        } catch (DomainException e) {
            return error(requestId, 400, errors.invalidRequest(), e.getMessage());
        } catch (RuntimeException e) {
            LOG.error("Request {} {} failed", requestId, request.header("x-amz-target").orElse(""), e);
            return error(requestId, 500, "InternalServiceError",
                    "The server could not complete the request; see the server log for request id " + requestId);
        }
    }

    private static ApiResponse success(String requestId, JsonNode output) {
        return new ApiResponse(200, Map.of("x-amzn-RequestId", requestId, "Content-Type", CONTENT_TYPE),
                (output == null ? "{}" : output.toString()).getBytes(StandardCharsets.UTF_8));
    }

    private static ApiResponse error(String requestId, int status, String type, String message) {
        var body = MAPPER.createObjectNode().put("__type", type).put("Message", message);
        return new ApiResponse(status, Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType", type,
                "Content-Type", CONTENT_TYPE), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
