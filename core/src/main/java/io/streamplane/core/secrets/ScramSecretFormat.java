package io.streamplane.core.secrets;

import java.util.Optional;

/**
 * Reads MSK's secret format, {@code {"username": "...", "password": "..."}}. A port, because the
 * parsing of JSON lives outside core.
 */
public interface ScramSecretFormat {
    /** The credential, or empty when the text is not a JSON object with a non-empty username and password. */
    Optional<ScramCredential> parse(String secretString);
}
