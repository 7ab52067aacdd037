package io.streamplane.core.pki;

import java.time.Instant;

/**
 * A certificate authority of the Private CA API, which users name in an MSK cluster's
 * {@code clientAuthentication.tls.certificateAuthorityArnList}: brokers accept client certificates
 * it signed. Its private key is kept apart and never leaves the server.
 *
 * @param subject the CA's distinguished name, e.g. "CN=Payments CA,O=Example"
 */
public record PrivateCertificateAuthority(String arn, String subject, String keyAlgorithm, String signingAlgorithm,
                                          Instant createdAt, Instant notBefore, Instant notAfter, String serial,
                                          String certificatePem) {
    public static final String STATUS = "ACTIVE";
    public static final String TYPE = "ROOT";
}
