package io.streamplane.core.fakes;

import io.streamplane.core.pki.CertificateAuthorityStore;
import io.streamplane.core.pki.PrivateCertificateAuthority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fake: Private CA authorities in memory. */
public final class InMemoryCertificateAuthorityStore implements CertificateAuthorityStore {
    private final Map<String, PrivateCertificateAuthority> authorities = new LinkedHashMap<>();
    private final Map<String, String> keys = new LinkedHashMap<>();
    private final Map<String, String> certificates = new LinkedHashMap<>();

    @Override
    public synchronized void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem) {
        authorities.put(authority.arn(), authority);
        keys.put(authority.arn(), privateKeyPem);
    }

    @Override
    public synchronized Optional<PrivateCertificateAuthority> findAuthority(String arn) {
        return Optional.ofNullable(authorities.get(arn));
    }

    @Override
    public synchronized List<PrivateCertificateAuthority> listAuthorities() {
        return List.copyOf(authorities.values());
    }

    @Override
    public synchronized Optional<String> privateKey(String authorityArn) {
        return Optional.ofNullable(keys.get(authorityArn));
    }

    @Override
    public synchronized void addCertificate(String authorityArn, String certificateArn, String certificatePem) {
        certificates.put(authorityArn + " " + certificateArn, certificatePem);
    }

    @Override
    public synchronized Optional<String> findCertificate(String authorityArn, String certificateArn) {
        return Optional.ofNullable(certificates.get(authorityArn + " " + certificateArn));
    }
}
