package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.pki.AuthorityOptions;
import io.streamplane.core.pki.PrivateCaService;
import io.streamplane.core.pki.PrivateCertificateAuthority;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Private CA (acm-pca) operations mutual TLS with MSK needs, as the AWS provider for Terraform
 * drives them: authorities (create, describe, list, update, delete, restore, their certificate,
 * signing request and tags), and client certificates issued from a signing request.
 */
public final class PrivateCaHandlers {
    /** ASN1Subject members and their attribute names, in the order a distinguished name lists them. */
    private static final Map<String, String> SUBJECT_ATTRIBUTES = orderedAttributes();
    /** The template of the certificates issued here: a client's or server's, signed by the authority itself. */
    private static final String END_ENTITY_TEMPLATE = "arn:aws:acm-pca:::template/EndEntityCertificate/V1";
    private final PrivateCaService authorities;
    private final ServiceIdentity identity;

    public PrivateCaHandlers(PrivateCaService authorities, ServiceIdentity identity) {
        this.authorities = authorities;
        this.identity = identity;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("CreateCertificateAuthority", this::createCertificateAuthority);
        handlers.put("DescribeCertificateAuthority", input -> Wire.object().set("CertificateAuthority",
                authority(authorities.describe(arn(input)))));
        handlers.put("ListCertificateAuthorities", this::listCertificateAuthorities);
        handlers.put("UpdateCertificateAuthority", this::updateCertificateAuthority);
        handlers.put("DeleteCertificateAuthority", input -> {
            authorities.delete(arn(input), Wire.integer(input, "PermanentDeletionTimeInDays"));
            return Wire.object();
        });
        handlers.put("RestoreCertificateAuthority", input -> {
            authorities.restore(arn(input));
            return Wire.object();
        });
        handlers.put("GetCertificateAuthorityCertificate", input -> Wire.object().put("Certificate",
                authorities.describe(arn(input)).certificatePem()));
        handlers.put("GetCertificateAuthorityCsr", input -> Wire.object().put("Csr", authorities.csr(arn(input))));
        handlers.put("ListTags", this::listTags);
        handlers.put("TagCertificateAuthority", input -> {
            authorities.tag(arn(input), tagMap(input.path("Tags")));
            return Wire.object();
        });
        handlers.put("UntagCertificateAuthority", input -> {
            authorities.untag(arn(input), new ArrayList<>(tagMap(input.path("Tags")).keySet()));
            return Wire.object();
        });
        handlers.put("IssueCertificate", this::issueCertificate);
        handlers.put("GetCertificate", this::getCertificate);
    }

    JsonNode createCertificateAuthority(ObjectNode input) {
        JsonNode configuration = input.path("CertificateAuthorityConfiguration");
        refuse(configuration, "CsrExtensions", "CertificateAuthorityConfiguration.CsrExtensions", "A root "
                + "authority's own certificate carries the key usages and extensions of a CA here; they can't be set");
        var options = new AuthorityOptions(input.path("UsageMode").asText(AuthorityOptions.GENERAL_PURPOSE),
                input.path("KeyStorageSecurityStandard").asText(AuthorityOptions.FIPS_LEVEL_3),
                revocationConfiguration(input.path("RevocationConfiguration")));
        var created = authorities.create(new PrivateCaService.NewAuthorityRequest(
                input.path("CertificateAuthorityType").asText(),
                distinguishedName(configuration.path("Subject"), "CertificateAuthorityConfiguration.Subject"),
                configuration.path("KeyAlgorithm").asText(), configuration.path("SigningAlgorithm").asText(), options,
                Wire.text(input, "IdempotencyToken"), tagMap(input.path("Tags"))));
        return Wire.object().put("CertificateAuthorityArn", created.arn());
    }

    JsonNode updateCertificateAuthority(ObjectNode input) {
        authorities.update(arn(input), Wire.text(input, "Status"),
                revocationConfiguration(input.path("RevocationConfiguration")));
        return Wire.object();
    }

    /**
     * Only this account's authorities exist here: asked for those other accounts share
     * (OTHER_ACCOUNTS), the list is empty.
     */
    JsonNode listCertificateAuthorities(ObjectNode input) {
        var out = Wire.object();
        var list = out.putArray("CertificateAuthorities");
        if (input.path("ResourceOwner").asText("SELF").equals("OTHER_ACCOUNTS")) {
            return out;
        }
        var page = authorities.list(Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"));
        page.items().forEach(a -> list.add(authority(a)));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    JsonNode listTags(ObjectNode input) {
        var all = new ArrayList<>(authorities.tags(arn(input)).entrySet());
        var page = Page.of(all, Wire.integer(input, "MaxResults"), Wire.text(input, "NextToken"));
        var out = Wire.object();
        var tags = out.putArray("Tags");
        page.items().forEach(t -> tags.addObject().put("Key", t.getKey()).put("Value", t.getValue()));
        page.nextToken().ifPresent(t -> out.put("NextToken", t));
        return out;
    }

    /**
     * RevocationConfiguration, kept as written when every mechanism in it is off: there is no CRL
     * published or OCSP responder here, so turning one on is refused.
     */
    private static Optional<String> revocationConfiguration(JsonNode configuration) {
        for (String mechanism : List.of("CrlConfiguration", "OcspConfiguration")) {
            if (configuration.path(mechanism).path("Enabled").asBoolean(false)) {
                throw new InvalidRequest("RevocationConfiguration." + mechanism + ".Enabled", "RevocationConfiguration."
                        + mechanism + ".Enabled can't be true: certificate revocation is not offered here, there is no "
                        + (mechanism.startsWith("Crl") ? "CRL published" : "OCSP responder"));
            }
        }
        return ProvisionedRequestReader.json(configuration);
    }

    private static String arn(ObjectNode input) {
        return input.path("CertificateAuthorityArn").asText();
    }

    private static Map<String, String> tagMap(JsonNode tags) {
        var map = new LinkedHashMap<String, String>();
        tags.forEach(t -> map.put(t.path("Key").asText(), t.path("Value").asText("")));
        return map;
    }

    /** Private CA's errors carry no member name, so the message starts with it. */
    private static void refuse(JsonNode parent, String member, String path, String why) {
        if (parent.has(member)) {
            throw new InvalidRequest(path, path + " is not supported: " + why);
        }
    }

    JsonNode issueCertificate(ObjectNode input) {
        refuse(input, "ApiPassthrough", "ApiPassthrough", "Certificates carry a client's subject and the usages "
                + "of a client and server certificate here; extensions and subjects can't be passed through");
        refuse(input, "ValidityNotBefore", "ValidityNotBefore", "A certificate is valid from the moment it is "
                + "issued here");
        String template = input.path("TemplateArn").asText(END_ENTITY_TEMPLATE);
        if (!template.equals(END_ENTITY_TEMPLATE)) {
            throw new InvalidRequest("TemplateArn", "TemplateArn must be " + END_ENTITY_TEMPLATE
                    + ", the certificates issued here, got " + template);
        }
        byte[] csr;
        try {
            csr = Base64.getMimeDecoder().decode(input.path("Csr").asText());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("Csr", "Csr must be base64, as the AWS CLI and SDKs send a blob");
        }
        String arn = authorities.issue(input.path("CertificateAuthorityArn").asText(), csr,
                input.path("SigningAlgorithm").asText(), validity(input.path("Validity")),
                Wire.text(input, "IdempotencyToken"));
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
                .put("CreatedAt", seconds(authority.createdAt()))
                .put("LastStateChangeAt", seconds(authority.lastStateChangeAt()))
                .put("Type", PrivateCertificateAuthority.TYPE).put("Serial", authority.serial())
                .put("Status", authority.status())
                .put("NotBefore", seconds(authority.notBefore())).put("NotAfter", seconds(authority.notAfter()));
        var configuration = out.putObject("CertificateAuthorityConfiguration")
                .put("KeyAlgorithm", authority.keyAlgorithm()).put("SigningAlgorithm", authority.signingAlgorithm());
        configuration.set("Subject", subject(authority.subject()));
        authority.options().revocationConfiguration()
                .ifPresent(r -> out.set("RevocationConfiguration", RecordedJson.read(r)));
        authority.restorableUntil().ifPresent(t -> out.put("RestorableUntil", seconds(t)));
        out.put("KeyStorageSecurityStandard", authority.options().keyStorageSecurityStandard());
        out.put("UsageMode", authority.options().usageMode());
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
    static String distinguishedName(JsonNode subject, String path) {
        refuse(subject, "CustomAttributes", path + ".CustomAttributes", "Custom subject attributes are not "
                + "offered; name the subject with its standard attributes");
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
        attributes.put("SerialNumber", "SERIALNUMBER");
        attributes.put("Title", "T");
        attributes.put("Surname", "SURNAME");
        attributes.put("GivenName", "GIVENNAME");
        attributes.put("Initials", "INITIALS");
        attributes.put("Pseudonym", "PSEUDONYM");
        attributes.put("GenerationQualifier", "GENERATION");
        attributes.put("DistinguishedNameQualifier", "DN");
        attributes.put("OrganizationalUnit", "OU");
        attributes.put("Organization", "O");
        attributes.put("Locality", "L");
        attributes.put("State", "ST");
        attributes.put("Country", "C");
        return attributes;
    }
}
