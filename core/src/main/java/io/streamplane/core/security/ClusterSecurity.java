package io.streamplane.core.security;

import io.streamplane.core.error.InvalidRequest;

import java.util.List;
import java.util.Set;

/**
 * How clients reach a cluster: MSK's {@code encryptionInfo.encryptionInTransit} and
 * {@code clientAuthentication}, and the broker listeners that follow from them.
 *
 * @param clientBroker            TLS, TLS_PLAINTEXT or PLAINTEXT: the encryption clients may use
 * @param inCluster               whether brokers and controllers talk to each other over TLS
 * @param unauthenticated         whether clients may connect without authenticating
 * @param scram                   whether SASL/SCRAM-SHA-512 is on (port 9096, over TLS)
 * @param mutualTls               whether clients authenticate with certificates (port 9094)
 * @param certificateAuthorityArns the CAs whose client certificates are accepted when mutualTls is on
 */
public record ClusterSecurity(String clientBroker, boolean inCluster, boolean unauthenticated, boolean scram,
                              boolean mutualTls, List<String> certificateAuthorityArns) {
    public static final String TLS = "TLS";
    public static final String TLS_PLAINTEXT = "TLS_PLAINTEXT";
    public static final String PLAINTEXT = "PLAINTEXT";
    private static final Set<String> CLIENT_BROKER = Set.of(TLS, TLS_PLAINTEXT, PLAINTEXT);

    /** What MSK gives a cluster created without encryptionInfo or clientAuthentication. */
    public static final ClusterSecurity MSK_DEFAULT = new ClusterSecurity(TLS, true, true, false, false, List.of());

    /** What clusters created before encryption existed run with. */
    public static final ClusterSecurity PLAINTEXT_ONLY = new ClusterSecurity(PLAINTEXT, false, true, false, false,
            List.of());

    public ClusterSecurity {
        certificateAuthorityArns = List.copyOf(certificateAuthorityArns);
    }

    public ClusterSecurity withClientBroker(String newClientBroker) {
        return new ClusterSecurity(newClientBroker, inCluster, unauthenticated, scram, mutualTls,
                certificateAuthorityArns);
    }

    /** The client authentication of {@code other}, with this one's encryption. */
    public ClusterSecurity withAuthenticationOf(ClusterSecurity other) {
        return new ClusterSecurity(clientBroker, inCluster, other.unauthenticated, other.scram, other.mutualTls,
                other.certificateAuthorityArns);
    }

    /** Port 9092: plaintext and unauthenticated, so only when both are allowed. */
    public boolean plaintextListener() {
        return !clientBroker.equals(TLS) && unauthenticated;
    }

    /** Port 9094: TLS, for unauthenticated clients, certificate-authenticated ones, or both. */
    public boolean tlsListener() {
        return !clientBroker.equals(PLAINTEXT) && (unauthenticated || mutualTls);
    }

    /** Port 9096: SASL/SCRAM over TLS. */
    public boolean scramListener() {
        return scram;
    }

    /** Whether any listener needs the brokers to hold a certificate. */
    public boolean brokersNeedCertificates() {
        return inCluster || tlsListener() || scramListener();
    }

    /**
     * Refuses settings MSK refuses, naming the member at fault.
     *
     * @param prefix where encryptionInfo and clientAuthentication sit in the request, e.g. "provisioned."
     */
    public void validate(String prefix) {
        String encryption = prefix + "encryptionInfo.encryptionInTransit.";
        String authentication = prefix + "clientAuthentication.";
        if (!CLIENT_BROKER.contains(clientBroker)) {
            throw new InvalidRequest(encryption + "clientBroker",
                    "clientBroker must be TLS, TLS_PLAINTEXT or PLAINTEXT, got " + clientBroker);
        }
        if (scram && clientBroker.equals(PLAINTEXT)) {
            throw new InvalidRequest(encryption + "clientBroker",
                    "SASL/SCRAM needs TLS between clients and brokers; set clientBroker to TLS or TLS_PLAINTEXT");
        }
        if (mutualTls && clientBroker.equals(PLAINTEXT)) {
            throw new InvalidRequest(encryption + "clientBroker",
                    "TLS client authentication needs TLS between clients and brokers; set clientBroker to TLS or "
                            + "TLS_PLAINTEXT");
        }
        if (mutualTls && certificateAuthorityArns.isEmpty()) {
            throw new InvalidRequest(authentication + "tls.certificateAuthorityArnList",
                    "TLS client authentication needs at least one certificate authority ARN");
        }
        if (!unauthenticated && !scram && !mutualTls) {
            throw new InvalidRequest(authentication + "unauthenticated",
                    "At least one client authentication method must be enabled: unauthenticated, sasl.scram or tls");
        }
    }
}
