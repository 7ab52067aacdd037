package io.streamplane.store.jdbc;

import io.streamplane.core.pki.CertificateAuthorityStore;
import io.streamplane.core.pki.PrivateCertificateAuthority;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.StatementContext;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@link CertificateAuthorityStore} on the same JDBC database as the {@link JdbcStore}. */
public final class JdbcCertificateAuthorityStore implements CertificateAuthorityStore {
    private static final String COLUMNS = "arn, subject, key_algorithm, signing_algorithm, created_at, not_before, "
            + "not_after, serial, certificate_pem";
    private final Jdbi jdbi;

    JdbcCertificateAuthorityStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void createAuthority(PrivateCertificateAuthority authority, String privateKeyPem) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO certificate_authorities (" + COLUMNS + ", private_key_pem) "
                        + "VALUES (:arn, :subject, :key, :signing, :created, :notBefore, :notAfter, :serial, :pem, "
                        + ":privateKey)")
                .bind("arn", authority.arn())
                .bind("subject", authority.subject())
                .bind("key", authority.keyAlgorithm())
                .bind("signing", authority.signingAlgorithm())
                .bind("created", authority.createdAt().toEpochMilli())
                .bind("notBefore", authority.notBefore().toEpochMilli())
                .bind("notAfter", authority.notAfter().toEpochMilli())
                .bind("serial", authority.serial())
                .bind("pem", authority.certificatePem())
                .bind("privateKey", privateKeyPem)
                .execute());
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
    public void addCertificate(String authorityArn, String certificateArn, String certificatePem) {
        jdbi.useHandle(h -> h.createUpdate("INSERT INTO issued_certificates (arn, authority_arn, certificate_pem) "
                        + "VALUES (:arn, :authority, :pem)")
                .bind("arn", certificateArn).bind("authority", authorityArn).bind("pem", certificatePem).execute());
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
                Instant.ofEpochMilli(rs.getLong("not_after")), rs.getString("serial"), rs.getString("certificate_pem"));
    }
}
