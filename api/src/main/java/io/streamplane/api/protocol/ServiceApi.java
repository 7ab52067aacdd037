package io.streamplane.api.protocol;

/** One AWS service served on the endpoint, in its own protocol, behind the shared SigV4 check. */
public interface ServiceApi {
    /** The service name requests are signed for (the model's signingName). */
    String signingName();

    /** Answers a request whose signature has been checked; never throws. */
    ApiResponse handle(ApiRequest request, String requestId);

    /**
     * Whether the request may change something: then the same signature sent again gets the first
     * answer instead of running twice. By the HTTP method, as rest-json APIs read with GET.
     */
    default boolean mayChangeState(ApiRequest request) {
        return !request.method().equals("GET") && !request.method().equals("HEAD");
    }
}
