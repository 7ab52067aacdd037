package io.streamplane.api.handlers;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.core.secrets.ScramCredential;
import io.streamplane.core.secrets.ScramSecretFormat;

import java.util.Optional;

/** MSK's secret value for SASL/SCRAM: a JSON object with string members username and password. */
public final class JsonScramSecretFormat implements ScramSecretFormat {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public Optional<ScramCredential> parse(String secretString) {
        try {
            JsonNode json = MAPPER.readTree(secretString);
            if (json == null || !json.isObject()) {
                return Optional.empty();
            }
            JsonNode username = json.path("username");
            JsonNode password = json.path("password");
            if (!username.isTextual() || !password.isTextual() || username.asText().isBlank()
                    || password.asText().isEmpty()) {
                return Optional.empty();
            }
            return Optional.of(new ScramCredential(username.asText(), password.asText()));
        } catch (JsonProcessingException e) {
            return Optional.empty();
        }
    }
}
