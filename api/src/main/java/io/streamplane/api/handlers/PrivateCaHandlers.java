package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.pki.PrivateCertificateAuthority;

import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Private CA (acm-pca) operations a user needs for mutual TLS with MSK: create an authority,
 * read its certificate, issue a client certificate from a signing request and read it back.
 */
public final class PrivateCaHandlers {
    /** ASN1Subject members and their attribute names, in the order a distinguished name lists them. */
    private static final Map<String, String> SUBJECT_ATTRIBUTES = orderedAttributes();
    private final PrivateCaService authorities;
    private final ServiceIdentity identity;

    public PrivateCaHandlers(PrivateCaService authorities, ServiceIdentity identity) {
        this.authorities = authorities;
        this.identity = identity;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateCertificateAuthority", this::createCertificateAuthority);
        handlers.put("DescribeCertificateAuthority", input -> Wire.object().set("CertificateAuthority",
                authority(authorities.describe(input.path("CertificateAuthorityArn").asText()))));
        handlers.put("ListCertificateAuthorities", this::listCertificateAuthorities);
        handlers.put("GetCertificateAuthorityCertificate", input -> Wire.object().put("Certificate",
                authorities.describe(input.path("CertificateAuthorityArn").asText()).certificatePem()));
        handlers.put("IssueCertificate", this::issueCertificate);
        handlers.put("GetCertificate", this::getCertificate);
    }

    JsonNode createCertificateAuthority(ObjectNode input) {
        JsonNode configuration = input.path("CertificateAuthorityConfiguration");
        var created = authorities.create(input.path("CertificateAuthorityType").asText(),
                distinguishedName(configuration.path("Subject")), configuration.path("KeyAlgorithm").asText(),
                configuration.path("SigningAlgorithm").asText());
        return Wire.object().put("CertificateAuthorityArn", created.arn());
    }

    JsonNode listCertificateAuthorities(ObjectNode input) {
        var page = authorities.list(Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"));
        var out = Wire.object();
        var list = out.putArray("CertificateAuthorities");
        page.items().forEach(a -> list.add(authority(a)));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    JsonNode issueCertificate(ObjectNode input) {
        byte[] csr;
        try {
            csr = Base64.getMimeDecoder().decode(input.path("Csr").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Csr", "Csr must be base64, as the AWS CLI and SDKs send a blob");
        }
        String arn = authorities.issue(input.path("CertificateAuthorityArn").asText(), csr,
                input.path("SigningAlgorithm").asText(), validity(input.path("Validity")));
        return Wire.object().put("CertificateArn", arn);
    }

    JsonNode getCertificate(ObjectNode input) {
        String authorityArn = input.path("CertificateAuthorityArn").asText();
        return Wire.object()
                .put("Certificate", authorities.certificate(authorityArn, input.path("CertificateArn").asText()))
                .put("CertificateChain", authorities.describe(authorityArn).certificatePem());
    }

    private ObjectNode authority(PrivateCertificateAuthority authority) {
        var out = Wire.object().put("Arn", authority.arn()).put("OwnerAccount", identity.accountId())
                .put("CreatedAt", seconds(authority.createdAt())).put("LastStateChangeAt", seconds(authority.createdAt()))
                .put("Type", PrivateCertificateAuthority.TYPE).put("Serial", authority.serial())
                .put("Status", PrivateCertificateAuthority.STATUS)
                .put("NotBefore", seconds(authority.notBefore())).put("NotAfter", seconds(authority.notAfter()));
        var configuration = out.putObject("CertificateAuthorityConfiguration")
                .put("KeyAlgorithm", authority.keyAlgorithm()).put("SigningAlgorithm", authority.signingAlgorithm());
        configuration.set("Subject", subject(authority.subject()));
        return out;
    }

    /** Validity of type DAYS, MONTHS or YEARS; the absolute forms are not offered. */
    private static Duration validity(JsonNode validity) {
        long value = validity.path("Value").asLong();
        return switch (validity.path("Type").asText()) {
            case "DAYS" -> Duration.ofDays(value);
            case "MONTHS" -> Duration.ofDays(value * 30);
            case "YEARS" -> Duration.ofDays(value * 365);
            default -> throw new InvalidRequest("Validity.Type", "Validity.Type must be DAYS, MONTHS or YEARS, got "
                    + validity.path("Type").asText());
        };
    }

    /** An ASN1Subject as a distinguished name, e.g. "CN=Payments CA,O=Example". */
    static String distinguishedName(JsonNode subject) {
        var parts = new StringBuilder();
        SUBJECT_ATTRIBUTES.forEach((member, attribute) -> {
            if (subject.hasNonNull(member)) {
                parts.append(parts.isEmpty() ? "" : ",").append(attribute).append('=')
                        .append(escape(subject.path(member).asText()));
            }
        });
        return parts.toString();
    }

    /** The reverse of {@link #distinguishedName}, for the names this server wrote. */
    static ObjectNode subject(String distinguishedName) {
        var byAttribute = new LinkedHashMap<String, String>();
        SUBJECT_ATTRIBUTES.forEach((member, attribute) -> byAttribute.put(attribute, member));
        var out = Wire.object();
        for (String part : distinguishedName.split("(?<!\\\\),")) {
            int equals = part.indexOf('=');
            String member = byAttribute.get(part.substring(0, equals));
            if (member != null) {
                out.put(member, part.substring(equals + 1).replaceAll("\\\\(.)", "$1"));
            }
        }
        return out;
    }

    private static String escape(String value) {
        return value.replaceAll("([\\\\,+=\"<>;#])", "\\\\$1");
    }

    private static double seconds(Instant instant) {
        return instant.toEpochMilli() / 1000.0;
    }

    private static Map<String, String> orderedAttributes() {
        var attributes = new LinkedHashMap<String, String>();
        attributes.put("CommonName", "CN");
        attributes.put("OrganizationalUnit", "OU");
        attributes.put("Organization", "O");
        attributes.put("Locality", "L");
        attributes.put("State", "ST");
        attributes.put("Country", "C");
        return attributes;
    }
}
