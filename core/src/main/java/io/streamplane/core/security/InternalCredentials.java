package io.streamplane.core.security;

import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The identity brokers, controllers and the control plane use among themselves: a SASL/PLAIN user
 * that is a Kafka super user, on listeners clients never reach. With Kafka's authorizer on, the
 * cluster keeps replicating, electing and being managed whatever ACLs its users write, including
 * {@code allow.everyone.if.no.acl.found=false} with no ACLs at all.
 */
public record InternalCredentials(String username, String password) {
    /** No character that would need quoting in a JAAS configuration. */
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_-]{1,128}");
    public static final String USERNAME = "streamplane-internal";
    public static final String MECHANISM = "PLAIN";

    public InternalCredentials {
        Objects.requireNonNull(username);
        Objects.requireNonNull(password);
        if (!SAFE.matcher(username).matches() || !SAFE.matcher(password).matches()) {
            throw new IllegalArgumentException("Internal credentials may only use letters, digits, '-' and '_'");
        }
    }

    /** Kafka's principal for this identity, as super.users names it. */
    public String principal() {
        return "User:" + username;
    }

    /**
     * The JAAS configuration of an internal listener: the user it accepts, and the credentials the
     * node itself presents when it connects to another node over that listener.
     */
    public String listenerJaasConfig() {
        return "org.apache.kafka.common.security.plain.PlainLoginModule required username=\"" + username
                + "\" password=\"" + password + "\" user_" + username + "=\"" + password + "\";";
    }

    /** Client properties for the control plane's own Admin connections. */
    public Map<String, String> clientProperties() {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", MECHANISM,
                "sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required username=\""
                        + username + "\" password=\"" + password + "\";");
    }

    @Override
    public String toString() {
        return "InternalCredentials[" + username + "]"; // never the password, in logs or errors
    }
}
