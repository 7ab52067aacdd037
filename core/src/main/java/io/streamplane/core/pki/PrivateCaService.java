package io.streamplane.core.pki;

import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The part of AWS Private CA that mutual TLS with MSK needs: root authorities that are ACTIVE at
 * once (AWS makes a root wait for its own certificate to be imported), certificates issued from
 * a client's signing request, and reading both back.
 */
public final class PrivateCaService {
    private static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    private final ServiceIdentity identity;
    private final CertificateAuthorityStore store;
    private final CertificateSigner signer;
    private final Clock clock;

    public PrivateCaService(ServiceIdentity identity, CertificateAuthorityStore store, CertificateSigner signer,
                            Clock clock) {
        this.identity = identity;
        this.store = store;
        this.signer = signer;
        this.clock = clock;
    }

    public PrivateCertificateAuthority create(String type, String subject, String keyAlgorithm,
                                              String signingAlgorithm) {
        if (!type.equals(PrivateCertificateAuthority.TYPE)) {
            throw new InvalidRequest("CertificateAuthorityType", "Only ROOT certificate authorities are supported, "
                    + "got " + type);
        }
        if (subject.isEmpty()) {
            throw new InvalidRequest("CertificateAuthorityConfiguration.Subject",
                    "The subject needs at least a CommonName or an Organization");
        }
        var made = signer.createRootAuthority(subject, keyAlgorithm, signingAlgorithm, AUTHORITY_VALIDITY);
        var authority = new PrivateCertificateAuthority(identity.certificateAuthorityArn(UUID.randomUUID().toString()),
                subject, keyAlgorithm, signingAlgorithm, clock.instant(), made.notBefore(), made.notAfter(),
                made.serial(), made.certificatePem());
        store.createAuthority(authority, made.privateKeyPem());
        return authority;
    }

    public PrivateCertificateAuthority describe(String arn) {
        return store.findAuthority(arn).orElseThrow(() -> new NotFound("Could not find certificate authority " + arn));
    }

    public Page<PrivateCertificateAuthority> list(Optional<Integer> maxResults, Optional<String> nextToken) {
        return Page.of(store.listAuthorities(), maxResults, nextToken);
    }

    /** @return the new certificate's ARN */
    public String issue(String authorityArn, byte[] csr, String signingAlgorithm, Duration validity) {
        var authority = describe(authorityArn);
        if (validity.isNegative() || validity.isZero()) {
            throw new InvalidRequest("Validity", "Validity must be positive");
        }
        String key = store.privateKey(authorityArn).orElseThrow();
        String certificate = signer.sign(key, authority.certificatePem(), signingAlgorithm, csr, validity);
        String arn = authorityArn + "/certificate/" + UUID.randomUUID().toString().replace("-", "");
        store.addCertificate(authorityArn, arn, certificate);
        return arn;
    }

    public String certificate(String authorityArn, String certificateArn) {
        describe(authorityArn);
        return store.findCertificate(authorityArn, certificateArn).orElseThrow(() -> new NotFound(
                "Could not find certificate " + certificateArn));
    }

    /**
     * The CA certificates for a cluster's list of authorities, refusing an ARN that names none, so a
     * cluster never waits for clients that no authority could have signed.
     */
    public List<String> certificatesOf(List<String> authorityArns, String field) {
        return authorityArns.stream().map(arn -> store.findAuthority(arn).orElseThrow(() -> new InvalidRequest(field,
                "Certificate authority " + arn + " does not exist; create it with acm-pca "
                        + "create-certificate-authority")).certificatePem()).toList();
    }
}
