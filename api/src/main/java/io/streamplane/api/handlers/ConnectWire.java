package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.core.connect.StateDescription;
import io.streamplane.core.error.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Wire forms shared by the MSK Connect handlers. */
final class ConnectWire {
    private ConnectWire() {
    }

    static ObjectNode stateDescription(StateDescription description) {
        return Wire.object().put("code", description.code()).put("message", description.message());
    }

    /** Text that MSK Connect carries in base64 (worker properties), decoded; bad base64 is a 400 naming the field. */
    static String base64Text(String value, String field) {
        try {
            return new String(Base64.getMimeDecoder().decode(value), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest(field, field + " must be base64-encoded, as the API carries it");
        }
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
