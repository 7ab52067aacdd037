package io.streamplane.api.protocol;

import java.util.Optional;

/**
 * An error as AWS returns it: HTTP status, the type in {@code x-amzn-ErrorType}, and a body with
 * {@code message} and, for MSK, {@code invalidParameter}.
 */
public record AwsError(int status, String type, String message, Optional<String> invalidParameter) {

    public static AwsError badRequest(String field, String message) {
        return new AwsError(400, "BadRequestException", message, Optional.ofNullable(field));
    }

    public static AwsError notFound(String message) {
        return new AwsError(404, "NotFoundException", message, Optional.empty());
    }

    public static AwsError forbidden(String type, String message) {
        return new AwsError(403, type, message, Optional.empty());
    }
}
