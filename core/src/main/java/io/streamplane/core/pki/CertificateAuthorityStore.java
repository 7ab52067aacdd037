package io.streamplane.core.pki;

import java.util.List;
import java.util.Optional;

/** Where the Private CA API keeps its authorities, their keys and the certificates they issued. */
public interface CertificateAuthorityStore {
    /** @param idempotencyToken the caller's token, which a create sent again names to get the same authority */
    void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem, Optional<String> idempotencyToken);

    Optional<PrivateCertificateAuthority> findAuthorityByToken(String idempotencyToken);

    /** Writes the authority's status and options. */
    void updateAuthority(PrivateCertificateAuthority authority);

    /** Removes the authority for good, with the certificates it issued. */
    void deleteAuthority(String arn);

    Optional<PrivateCertificateAuthority> findAuthority(String arn);

    /** All authorities, oldest first. */
    List<PrivateCertificateAuthority> listAuthorities();

    Optional<String> privateKey(String authorityArn);

    /** The authority's own signing request, once made. */
    Optional<String> csr(String authorityArn);

    void saveCsr(String authorityArn, String csrPem);

    void addCertificate(String authorityArn, String certificateArn, String certificatePem,
                        Optional<String> idempotencyToken);

    /** The ARN of the certificate issued for the token, if there is one. */
    Optional<String> findCertificateByToken(String authorityArn, String idempotencyToken);

    Optional<String> findCertificate(String authorityArn, String certificateArn);
}
