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

    private final Map<String, String> tokens = new LinkedHashMap<>();
    private final Map<String, String> csrs = new LinkedHashMap<>();

    @Override
    public synchronized void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem,
                                             Optional<String> idempotencyToken) {
        authorities.put(authority.arn(), authority);
        keys.put(authority.arn(), privateKeyPem);
        idempotencyToken.ifPresent(t -> tokens.put(t, authority.arn()));
    }

    @Override
    public synchronized Optional<PrivateCertificateAuthority> findAuthorityByToken(String idempotencyToken) {
        return Optional.ofNullable(tokens.get(idempotencyToken)).map(authorities::get);
    }

    @Override
    public synchronized void updateAuthority(PrivateCertificateAuthority authority) {
        authorities.put(authority.arn(), authority);
    }

    @Override
    public synchronized void deleteAuthority(String arn) {
        authorities.remove(arn);
        keys.remove(arn);
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
    public synchronized Optional<String> csr(String authorityArn) {
        return Optional.ofNullable(csrs.get(authorityArn));
    }

    @Override
    public synchronized void saveCsr(String authorityArn, String csrPem) {
        csrs.putIfAbsent(authorityArn, csrPem);
    }

    @Override
    public synchronized void addCertificate(String authorityArn, String certificateArn, String certificatePem,
                                            Optional<String> idempotencyToken) {
        certificates.put(authorityArn + " " + certificateArn, certificatePem);
        idempotencyToken.ifPresent(t -> tokens.put(authorityArn + " " + t, certificateArn));
    }

    @Override
    public synchronized Optional<String> findCertificateByToken(String authorityArn, String idempotencyToken) {
        return Optional.ofNullable(tokens.get(authorityArn + " " + idempotencyToken));
    }

    @Override
    public synchronized Optional<String> findCertificate(String authorityArn, String certificateArn) {
        return Optional.ofNullable(certificates.get(authorityArn + " " + certificateArn));
    }
}
