package io.streamplane.core.pki;

import java.time.Instant;
import java.util.Optional;

/**
 * A certificate authority of the Private CA API, which users name in an MSK cluster's
 * {@code clientAuthentication.tls.certificateAuthorityArnList}: brokers accept client certificates
 * it signed. Its private key is kept apart and never leaves the server.
 *
 * @param subject           the CA's distinguished name, e.g. "CN=Payments CA,O=Example"
 * @param status            ACTIVE, DISABLED (issues nothing) or DELETED (until it is restored or gone)
 * @param restorableUntil   when a DELETED authority is removed for good
 * @param options           what the authority was created with beyond its key and subject
 */
public record PrivateCertificateAuthority(String arn, String subject, String keyAlgorithm, String signingAlgorithm,
                                          Instant createdAt, Instant notBefore, Instant notAfter, String serial,
                                          String certificatePem, String status, Instant lastStateChangeAt,
                                          Optional<Instant> restorableUntil, AuthorityOptions options) {
    public static final String ACTIVE = "ACTIVE";
    public static final String DISABLED = "DISABLED";
    public static final String DELETED = "DELETED";
    public static final String TYPE = "ROOT";

    public PrivateCertificateAuthority {
        // Authorities stored before they had a status were all active.
        status = status == null ? ACTIVE : status;
        lastStateChangeAt = lastStateChangeAt == null ? createdAt : lastStateChangeAt;
        options = options == null ? AuthorityOptions.DEFAULT : options;
    }

    public PrivateCertificateAuthority withStatus(String newStatus, Instant at, Optional<Instant> restorable) {
        return new PrivateCertificateAuthority(arn, subject, keyAlgorithm, signingAlgorithm, createdAt, notBefore,
                notAfter, serial, certificatePem, newStatus, at, restorable, options);
    }

    public PrivateCertificateAuthority withOptions(AuthorityOptions newOptions) {
        return new PrivateCertificateAuthority(arn, subject, keyAlgorithm, signingAlgorithm, createdAt, notBefore,
                notAfter, serial, certificatePem, status, lastStateChangeAt, restorableUntil, newOptions);
    }
}
