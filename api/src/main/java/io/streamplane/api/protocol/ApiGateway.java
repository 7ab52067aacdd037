package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.protocol.SigV4Verifier.SignedRequest;
import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.replay.RecordedAnswer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The front door of the endpoint: checks SigV4 on every request before anything else, so a refused
 * request learns nothing about what exists, then hands it to the service its signature is scoped to
 * (several services share one endpoint, as with an AWS endpoint override for each).
 */
public final class ApiGateway {
    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final SigV4Verifier verifier;
    private final Map<String, ServiceApi> services;
    private final AnswerLedger answers;
    private final Clock clock;
    private final InFlightSignatures inFlight = new InFlightSignatures();

    /** @param answers the first answers to signed changes, for the same signature sent again */
    public ApiGateway(SigV4Verifier verifier, List<ServiceApi> services, AnswerLedger answers, Clock clock) {
        this.verifier = verifier;
        this.services = services.stream().collect(Collectors.toUnmodifiableMap(ServiceApi::signingName,
                Function.identity()));
        this.answers = answers;
        this.clock = clock;
    }

    public ApiResponse dispatch(ApiRequest request) {
        String requestId = UUID.randomUUID().toString();
        try {
            SignedRequest signed = verifier.verify(request);
            ServiceApi api = services.get(signed.service());
            if (api == null) {
                throw new ApiException(AwsError.forbidden("InvalidSignatureException",
                        "Credential should be scoped to correct service: one of " + services.keySet().stream()
                                .sorted().map(s -> "'" + s + "'").collect(Collectors.joining(", ")) + "."));
            }
            if (!api.mayChangeState(request)) {
                return api.handle(request, requestId);
            }
            return once(signed, () -> api.handle(request, requestId));
        } catch (ApiException e) {
            return error(e.error(), requestId);
        }
    }

    /**
     * Runs a change at most once per signature. The same signature sent again, by a client's retry
     * or by whoever captured the request, gets the first answer when that was a success; after a
     * failure, which changed nothing, it runs anew. A copy arriving while the first still runs waits
     * for it.
     */
    private ApiResponse once(SignedRequest signed, Supplier<ApiResponse> change) {
        var hold = inFlight.hold(signed.signature());
        try {
            var first = answers.answerTo(signed.signature(), clock.instant());
            if (first.isPresent()) {
                var answer = first.get();
                return new ApiResponse(answer.status(), answer.headers(), answer.body());
            }
            ApiResponse response = change.get();
            if (response.status() / 100 == 2) {
                try {
                    answers.record(signed.signature(), new RecordedAnswer(response.status(), response.headers(),
                            response.body()), SigV4Verifier.validUntil(signed.amzDate()), clock.instant());
                } catch (RuntimeException e) {
                    // The change is made and its answer goes out; only a copy of the request could now run twice.
                    LOG.error("Cannot record the answer to a signed change; a copy of it would run again", e);
                }
            }
            return response;
        } finally {
            hold.close();
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
