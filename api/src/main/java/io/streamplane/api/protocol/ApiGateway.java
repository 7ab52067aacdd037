package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The front door of the endpoint: checks SigV4 on every request before anything else, so a refused
 * request learns nothing about what exists, then hands it to the service its signature is scoped to
 * (several services share one endpoint, as with an AWS endpoint override for each).
 */
public final class ApiGateway {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SigV4Verifier verifier;
    private final Map<String, ServiceApi> services;

    public ApiGateway(SigV4Verifier verifier, List<ServiceApi> services) {
        this.verifier = verifier;
        this.services = services.stream().collect(Collectors.toUnmodifiableMap(ServiceApi::signingName,
                Function.identity()));
    }

    public ApiResponse dispatch(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            String service = verifier.verify(request);
            ServiceApi api = services.get(service);
            if (api == null) {
                throw new ApiException(AwsError.forbidden("InvalidSignatureException",
                        "Credential should be scoped to correct service: one of " + services.keySet().stream()
                                .sorted().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "."));
            }
            return api.handle(request, requestId);
        } catch (ApiException e) {
            return error(e.error(), requestId);
        }
    }

    /**
     * The refusal of a request whose body is not read yet, if what its headers say already refuses
     * it (an unknown key, another region, a stale date, a signed body hash that does not match).
     */
    public Optional<ApiResponse> refuseBeforeBody(ApiRequest headersOnly) {
        try {
            verifier.checkBeforeBody(headersOnly);
            return Optional.empty();
        } catch (ApiException e) {
            return Optional.of(error(e.error(), UUID.randomUUID().toString()));
        }
    }

    /** An AWS error as every served service's clients read it: the type in a header, the message in the body. */
    public static ApiResponse error(AwsError error, String requestId) {
        var body = MAPPER.createObjectNode().put("message", error.message());
        return new ApiResponse(error.status(), Map.of("x-amzn-RequestId", requestId, "x-amzn-ErrorType",
                error.type(), "Content-Type", "application/json"), body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
