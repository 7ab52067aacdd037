package io.streamplane.core.pki;

import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.tag.TagRules;
import io.streamplane.core.tag.TagService;
import io.streamplane.core.tag.TagStore;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * The part of AWS Private CA that mutual TLS with MSK needs, as the AWS provider for Terraform drives
 * it: root authorities that are ACTIVE at once (AWS makes a root wait for its own certificate to be
 * imported), their status, deletion and restoration, tags and signing request; certificates issued
 * from a client's signing request, and reading both back.
 */
public final class PrivateCaService {
    /** Private CA allows 50 tags on an authority. */
    public static final int MAX_TAGS = 50;
    private static final Duration AUTHORITY_VALIDITY = Duration.ofDays(3650);
    /** Private CA's bounds on how long a deleted authority can be restored, and its default. */
    private static final int MIN_DELETION_DAYS = 7;
    private static final int MAX_DELETION_DAYS = 30;
    /** The longest certificate an authority in SHORT_LIVED_CERTIFICATE mode issues. */
    private static final Duration SHORT_LIVED_MAX = Duration.ofDays(7);
    private static final String NOT_UPDATABLE = "The certificate authority must be in the ACTIVE or DISABLED state "
            + "to be updated";
    private final ServiceIdentity identity;
    private final CertificateAuthorityStore store;
    private final CertificateSigner signer;
    private final TagStore tags;
    /** Tags of authorities already found, so every ARN it is given names one. */
    private final TagService tagging;
    private final Predicate<String> usedByACluster;
    private final Clock clock;

    /**
     * @param tags           where the authorities' tags are kept, with every other resource's
     * @param usedByACluster whether a cluster names the authority for mutual TLS, which keeps it from deletion
     */
    public PrivateCaService(ServiceIdentity identity, CertificateAuthorityStore store, CertificateSigner signer,
                            TagStore tags, Predicate<String> usedByACluster, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.signer = signer;
        this.tags = tags;
        this.tagging = new TagService(tags, MAX_TAGS, "Tags", arn -> true);
        this.usedByACluster = usedByACluster;
        this.clock = clock;
    }

    /** What CreateCertificateAuthority asks for. */
    public record NewAuthorityRequest(String type, String subject, String keyAlgorithm, String signingAlgorithm,
                                      AuthorityOptions options, Optional<String> idempotencyToken,
                                      Map<String, String> tags) {
    }

    /**
     * Makes a root authority, ACTIVE at once with its own certificate. A request sent again with the
     * same idempotency token gets the authority the first one made.
     */
    public PrivateCertificateAuthority create(NewAuthorityRequest request) {
        var earlier = request.idempotencyToken().flatMap(store::findAuthorityByToken);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!request.type().equals(PrivateCertificateAuthority.TYPE)) {
            throw new InvalidRequest("CertificateAuthorityType", "Only ROOT certificate authorities are supported, "
                    + "got " + request.type());
        }
        if (request.subject().isEmpty()) {
            throw new InvalidRequest("CertificateAuthorityConfiguration.Subject",
                    "The subject needs at least a CommonName or an Organization");
        }
        TagRules.check(request.tags(), MAX_TAGS, "Tags");
        var made = signer.createRootAuthority(request.subject(), request.keyAlgorithm(), request.signingAlgorithm(),
                AUTHORITY_VALIDITY);
        var now = clock.instant();
        var authority = new PrivateCertificateAuthority(identity.certificateAuthorityArn(UUID.randomUUID().toString()),
                request.subject(), request.keyAlgorithm(), request.signingAlgorithm(), now, made.notBefore(),
                made.notAfter(), made.serial(), made.certificatePem(), PrivateCertificateAuthority.ACTIVE, now,
                Optional.empty(), request.options());
        store.createAuthority(authority, made.privateKeyPem(), request.idempotencyToken());
        tags.putTags(authority.arn(), request.tags());
        return authority;
    }

    /** The authority, DELETED ones included until they can no longer be restored. */
    public PrivateCertificateAuthority describe(String arn) {
        return present(store.findAuthority(arn)).orElseThrow(() -> new NotFound("Could not find certificate authority "
                + arn));
    }

    public Page<PrivateCertificateAuthority> list(Optional<Integer> maxResults, Optional<String> nextToken) {
        var authorities = store.listAuthorities().stream().filter(a -> present(Optional.of(a)).isPresent()).toList();
        return Page.of(authorities, maxResults, nextToken);
    }

    /** Turns the authority on or off and changes its revocation settings (recorded, every mechanism off). */
    public PrivateCertificateAuthority update(String arn, Optional<String> status,
                                              Optional<String> revocationConfiguration) {
        var authority = describe(arn);
        if (authority.status().equals(PrivateCertificateAuthority.DELETED)) {
            throw new InvalidRequest(NOT_UPDATABLE);
        }
        var updated = authority;
        if (status.isPresent() && !status.get().equals(authority.status())) {
            if (!Set.of(PrivateCertificateAuthority.ACTIVE, PrivateCertificateAuthority.DISABLED).contains(status.get())) {
                throw new InvalidRequest("Status", "Status must be ACTIVE or DISABLED, got " + status.get());
            }
            updated = updated.withStatus(status.get(), clock.instant(), Optional.empty());
        }
        if (revocationConfiguration.isPresent()) {
            updated = updated.withOptions(updated.options().withRevocationConfiguration(revocationConfiguration));
        }
        store.updateAuthority(updated);
        return updated;
    }

    /**
     * Deletes the authority, which can be restored for the given days (7 to 30, 30 by default). As
     * Private CA asks, an ACTIVE authority must be disabled first; one that a cluster trusts for
     * mutual TLS is refused, since the cluster's brokers could no longer load it.
     */
    public PrivateCertificateAuthority delete(String arn, Optional<Integer> permanentDeletionDays) {
        var authority = describe(arn);
        int days = permanentDeletionDays.orElse(MAX_DELETION_DAYS);
        if (days < MIN_DELETION_DAYS || days > MAX_DELETION_DAYS) {
            throw new InvalidRequest("PermanentDeletionTimeInDays", "PermanentDeletionTimeInDays must be "
                    + MIN_DELETION_DAYS + " to " + MAX_DELETION_DAYS + ", got " + days);
        }
        if (authority.status().equals(PrivateCertificateAuthority.ACTIVE)) {
            throw new InvalidRequest("The certificate authority is ACTIVE; update its status to DISABLED before "
                    + "deleting it");
        }
        if (usedByACluster.test(arn)) {
            throw new InvalidRequest("The certificate authority is named by a cluster's clientAuthentication.tls; "
                    + "take it out of the cluster's list first (UpdateSecurity)");
        }
        if (authority.status().equals(PrivateCertificateAuthority.DELETED)) {
            return authority;
        }
        var now = clock.instant();
        var deleted = authority.withStatus(PrivateCertificateAuthority.DELETED, now,
                Optional.of(now.plus(Duration.ofDays(days))));
        store.updateAuthority(deleted);
        return deleted;
    }

    /** Brings a DELETED authority back, DISABLED, as Private CA does. */
    public PrivateCertificateAuthority restore(String arn) {
        var authority = describe(arn);
        if (!authority.status().equals(PrivateCertificateAuthority.DELETED)) {
            throw new InvalidRequest("The certificate authority is " + authority.status() + ", not DELETED");
        }
        var restored = authority.withStatus(PrivateCertificateAuthority.DISABLED, clock.instant(), Optional.empty());
        store.updateAuthority(restored);
        return restored;
    }

    /**
     * The authority's own certificate signing request, for its subject and key: made at the first
     * ask and kept, since a new signature each time would read back differently every time.
     */
    public String csr(String arn) {
        var authority = describe(arn);
        return store.csr(arn).orElseGet(() -> {
            String csr = signer.authorityCsr(store.privateKey(arn).orElseThrow(), authority.certificatePem(),
                    authority.signingAlgorithm());
            store.saveCsr(arn, csr);
            return csr;
        });
    }

    public Map<String, String> tags(String arn) {
        return tagging.tags(describe(arn).arn());
    }

    public void tag(String arn, Map<String, String> newTags) {
        tagging.tag(describe(arn).arn(), newTags);
    }

    public void untag(String arn, List<String> keys) {
        tagging.untag(describe(arn).arn(), keys);
    }

    /**
     * Signs the request with an ACTIVE authority. A request sent again with the same idempotency
     * token gets the certificate the first one made.
     *
     * @return the new certificate's ARN
     */
    public String issue(String authorityArn, byte[] csr, String signingAlgorithm, Duration validity,
                        Optional<String> idempotencyToken) {
        var authority = describe(authorityArn);
        var earlier = idempotencyToken.flatMap(token -> store.findCertificateByToken(authorityArn, token));
        if (earlier.isPresent()) {
            return earlier.get();
        }
        if (!authority.status().equals(PrivateCertificateAuthority.ACTIVE)) {
            throw new InvalidRequest("The certificate authority is " + authority.status() + " and issues no "
                    + "certificates; update its status to ACTIVE");
        }
        if (validity.isNegative() || validity.isZero()) {
            throw new InvalidRequest("Validity", "Validity must be positive");
        }
        if (authority.options().usageMode().equals(AuthorityOptions.SHORT_LIVED_CERTIFICATE)
                && validity.compareTo(SHORT_LIVED_MAX) > 0) {
            throw new InvalidRequest("Validity", "An authority in SHORT_LIVED_CERTIFICATE mode issues certificates of "
                    + SHORT_LIVED_MAX.toDays() + " days at most");
        }
        String key = store.privateKey(authorityArn).orElseThrow();
        String certificate = signer.sign(key, authority.certificatePem(), signingAlgorithm, csr, validity);
        String arn = authorityArn + "/certificate/" + UUID.randomUUID().toString().replace("-", "");
        store.addCertificate(authorityArn, arn, certificate, idempotencyToken);
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
        return authorityArns.stream().map(arn -> present(store.findAuthority(arn)).orElseThrow(() ->
                new InvalidRequest(field, "Certificate authority " + arn + " does not exist; create it with acm-pca "
                        + "create-certificate-authority")).certificatePem()).toList();
    }

    /** A DELETED authority whose restore window has passed is gone: removed when next seen. */
    private Optional<PrivateCertificateAuthority> present(Optional<PrivateCertificateAuthority> authority) {
        if (authority.isPresent() && authority.get().restorableUntil().filter(t -> !t.isAfter(clock.instant()))
                .isPresent()) {
            store.deleteAuthority(authority.get().arn());
            tags.removeTags(authority.get().arn(), tags.tags(authority.get().arn()).keySet());
            return Optional.empty();
        }
        return authority;
    }
}
