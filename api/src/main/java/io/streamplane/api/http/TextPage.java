package io.streamplane.api.http;

import java.util.function.Supplier;

/** A page served unsigned at an exact path, such as the CA certificate: nothing on it may be secret. */
public record TextPage(String contentType, Supplier<String> body) {
}
