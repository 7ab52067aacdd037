package io.streamplane.core.security;

import java.util.List;

/**
 * The certificate authority of this installation: it signs the certificates brokers and
 * controllers present over TLS, and clients trust its certificate. Its private key never leaves it.
 */
public interface CertificateAuthority {
    /** The CA's own certificate, in PEM, for clients' trust stores. */
    String certificatePem();

    /**
     * A new key and a certificate for a node, valid for each of {@code hosts} (IP addresses or DNS
     * names), usable by servers and by clients (brokers are both, to each other).
     */
    IssuedCertificate issueNodeCertificate(String commonName, List<String> hosts);

    /** A private key (PKCS#8 PEM, unencrypted) and its certificate chain (PEM, leaf first). */
    record IssuedCertificate(String privateKeyPem, String certificateChainPem) {
        @Override
        public String toString() {
            return "IssuedCertificate[private key withheld]";
        }
    }
}
