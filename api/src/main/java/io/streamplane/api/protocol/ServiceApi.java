package io.streamplane.api.protocol;

/** One AWS service served on the endpoint, in its own protocol, behind the shared SigV4 check. */
public interface ServiceApi {
    /** The service name requests are signed for (the model's signingName). */
    String signingName();

    /** Answers a request whose signature has been checked; never throws. */
    ApiResponse handle(ApiRequest request, String requestId);
}
