package io.streamplane.core.pki;

import java.util.List;
import java.util.Optional;

/** Where the Private CA API keeps its authorities, their keys and the certificates they issued. */
public interface CertificateAuthorityStore {
    void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem);

    Optional<PrivateCertificateAuthority> findAuthority(String arn);

    /** All authorities, oldest first. */
    List<PrivateCertificateAuthority> listAuthorities();

    Optional<String> privateKey(String authorityArn);

    void addCertificate(String authorityArn, String certificateArn, String certificatePem);

    Optional<String> findCertificate(String authorityArn, String certificateArn);
}
