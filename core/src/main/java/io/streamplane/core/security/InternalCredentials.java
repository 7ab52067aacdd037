package io.streamplane.core.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

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

    /**
     * The credentials of one cluster, derived from this installation's (HMAC-SHA256 of the cluster's
     * uuid): each cluster's nodes hold their own password, so what one cluster's files give away
     * opens no other cluster; and the same every time, so nodes that outlive the server, or restart
     * later, go on accepting the control plane.
     */
    public InternalCredentials forCluster(String clusterUuid) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(password.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return new InternalCredentials(username,
                    HexFormat.of().formatHex(mac.doFinal(clusterUuid.getBytes(StandardCharsets.UTF_8))));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
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
