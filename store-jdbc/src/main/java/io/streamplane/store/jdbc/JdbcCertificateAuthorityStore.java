package io.streamplane.store.jdbc;

import io.streamplane.core.pki.AuthorityOptions;
import io.streamplane.core.pki.CertificateAuthorityStore;
import io.streamplane.core.pki.PrivateCertificateAuthority;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;
import org.jdbi.v3.core.statement.Update;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** The {@link CertificateAuthorityStore} on the same JDBC database as the {@link JdbcStore}. */
public final class JdbcCertificateAuthorityStore implements CertificateAuthorityStore {
    private static final String COLUMNS = "arn, subject, key_algorithm, signing_algorithm, created_at, not_before, "
            + "not_after, serial, certificate_pem, status, last_state_change_at, restorable_until, usage_mode, "
            + "key_storage_standard, revocation_json";
    private final Jdbi jdbi;

    JdbcCertificateAuthorityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem,
                                Optional<String> idempotencyToken) {
        jdbi.useHandle(h -> bindState(h.createUpdate("INSERT INTO certificate_authorities (" + COLUMNS
                        + ", private_key_pem, idempotency_token) VALUES (:arn, :subject, :key, :signing, :created, "
                        + ":notBefore, :notAfter, :serial, :pem, :status, :changed, :restorable, :usage, :storage, "
                        + ":revocation, :privateKey, :token)"), authority)
                .bind("subject", authority.subject())
                .bind("key", authority.keyAlgorithm())
                .bind("signing", authority.signingAlgorithm())
                .bind("created", authority.createdAt().toEpochMilli())
                .bind("notBefore", authority.notBefore().toEpochMilli())
                .bind("notAfter", authority.notAfter().toEpochMilli())
                .bind("serial", authority.serial())
                .bind("pem", authority.certificatePem())
                .bind("privateKey", privateKeyPem)
                .bind("token", idempotencyToken.orElse(null))
                .execute());
    }

    @Override
    public Optional<PrivateCertificateAuthority> findAuthorityByToken(String idempotencyToken) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate_authorities "
                        + "WHERE idempotency_token = :token").bind("token", idempotencyToken)
                .map(JdbcCertificateAuthorityStore::authority).findOne());
    }

    @Override
    public void updateAuthority(PrivateCertificateAuthority authority) {
        jdbi.useHandle(h -> bindState(h.createUpdate("UPDATE certificate_authorities SET status = :status, "
                + "last_state_change_at = :changed, restorable_until = :restorable, usage_mode = :usage, "
                + "key_storage_standard = :storage, revocation_json = :revocation WHERE arn = :arn"), authority)
                .execute());
    }

    @Override
    public void deleteAuthority(String arn) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM issued_certificates WHERE authority_arn = :arn").bind("arn", arn).execute();
            h.createUpdate("DELETE FROM certificate_authorities WHERE arn = :arn").bind("arn", arn).execute();
        });
    }

    private static Update bindState(Update update, PrivateCertificateAuthority authority) {
        return update.bind("arn", authority.arn())
                .bind("status", authority.status())
                .bind("changed", authority.lastStateChangeAt().toEpochMilli())
                .bind("restorable", authority.restorableUntil().map(Instant::toEpochMilli).orElse(null))
                .bind("usage", authority.options().usageMode())
                .bind("storage", authority.options().keyStorageSecurityStandard())
                .bind("revocation", authority.options().revocationConfiguration().orElse(null));
    }

    @Override
    public Optional<PrivateCertificateAuthority> findAuthority(String arn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate_authorities "
                + "WHERE arn = :arn").bind("arn", arn).map(JdbcCertificateAuthorityStore::authority).findOne());
    }

    @Override
    public List<PrivateCertificateAuthority> listAuthorities() {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM certificate_authorities "
                + "ORDER BY created_at, arn").map(JdbcCertificateAuthorityStore::authority).list());
    }

    @Override
    public Optional<String> privateKey(String authorityArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT private_key_pem FROM certificate_authorities "
                + "WHERE arn = :arn").bind("arn", authorityArn).mapTo(String.class).findOne());
    }

    @Override
    public Optional<String> csr(String authorityArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT csr_pem FROM certificate_authorities WHERE arn = :arn")
                .bind("arn", authorityArn).mapTo(String.class).findOne().filter(Objects::nonNull));
    }

    @Override
    public void saveCsr(String authorityArn, String csrPem) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE certificate_authorities SET csr_pem = :csr WHERE arn = :arn "
                + "AND csr_pem IS NULL").bind("arn", authorityArn).bind("csr", csrPem).execute());
    }

    @Override
    public void addCertificate(String authorityArn, String certificateArn, String certificatePem,
                               Optional<String> idempotencyToken) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO issued_certificates (arn, authority_arn, certificate_pem, "
                        + "idempotency_token) VALUES (:arn, :authority, :pem, :token)")
                .bind("arn", certificateArn).bind("authority", authorityArn).bind("pem", certificatePem)
                .bind("token", idempotencyToken.orElse(null)).execute());
    }

    @Override
    public Optional<String> findCertificateByToken(String authorityArn, String idempotencyToken) {
        return jdbi.withHandle(h -> h.createQuery("SELECT arn FROM issued_certificates "
                        + "WHERE authority_arn = :authority AND idempotency_token = :token")
                .bind("authority", authorityArn).bind("token", idempotencyToken).mapTo(String.class).findOne());
    }

    @Override
    public Optional<String> findCertificate(String authorityArn, String certificateArn) {
        return jdbi.withHandle(h -> h.createQuery("SELECT certificate_pem FROM issued_certificates "
                        + "WHERE arn = :arn AND authority_arn = :authority")
                .bind("arn", certificateArn).bind("authority", authorityArn).mapTo(String.class).findOne());
    }

    private static PrivateCertificateAuthority authority(ResultSet rs, StatementContext ctx) throws SQLException {
        return new PrivateCertificateAuthority(rs.getString("arn"), rs.getString("subject"),
                rs.getString("key_algorithm"), rs.getString("signing_algorithm"),
                Instant.ofEpochMilli(rs.getLong("created_at")), Instant.ofEpochMilli(rs.getLong("not_before")),
                Instant.ofEpochMilli(rs.getLong("not_after")), rs.getString("serial"), rs.getString("certificate_pem"),
                rs.getString("status"), instant(rs, "last_state_change_at").orElse(null),
                instant(rs, "restorable_until"),
                new AuthorityOptions(rs.getString("usage_mode"), rs.getString("key_storage_standard"),
                        Optional.ofNullable(rs.getString("revocation_json"))));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        long millis = rs.getLong(column);
        return rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(millis));
    }
}
