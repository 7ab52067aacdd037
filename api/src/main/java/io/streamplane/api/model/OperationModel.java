package io.streamplane.api.model;

import java.util.Optional;

/** One operation of the service model: how it is reached over HTTP and its input and output shapes. */
public record OperationModel(
        String name,
        String method,
        UriTemplate uri,
        Optional<String> inputShape,
        Optional<String> outputShape,
        int responseCode) {
}
