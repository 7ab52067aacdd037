package io.streamplane.core.pki;

import java.time.Duration;
import java.time.Instant;

/** Makes certificate authorities and signs certificate requests with them (X.509, PEM). */
public interface CertificateSigner {
    /** A new self-signed CA: its key, certificate and the certificate's facts. */
    record NewAuthority(String privateKeyPem, String certificatePem, String serial, Instant notBefore,
                        Instant notAfter) {
        @Override
        public String toString() {
            return "NewAuthority[" + serial + ", private key withheld]";
        }
    }

    /**
     * @param subject      the CA's distinguished name
     * @param keyAlgorithm one of Private CA's key algorithms; InvalidRequest for one this signer lacks
     */
    NewAuthority createRootAuthority(String subject, String keyAlgorithm, String signingAlgorithm, Duration validity);

    /**
     * Signs a PKCS#10 request (PEM or DER) for a client or server certificate. InvalidRequest when
     * the request is malformed or its signature is wrong.
     */
    String sign(String caPrivateKeyPem, String caCertificatePem, String signingAlgorithm, byte[] csr,
                Duration validity);

    /** The authority's own certificate signing request (PEM), for its subject and key. */
    String authorityCsr(String caPrivateKeyPem, String caCertificatePem, String signingAlgorithm);
}
