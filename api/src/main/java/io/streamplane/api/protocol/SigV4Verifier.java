package io.streamplane.api.protocol;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Verifies AWS Signature Version 4 on a request, as AWS's front door does: the key must be known,
 * the scope must name this region and a served service, the clock skew must be under 15 minutes,
 * and the signature must match the one computed here from the canonical request.
 */
public final class SigV4Verifier {
    private static final Pattern AUTHORIZATION = Pattern.compile(
            "AWS4-HMAC-SHA256\\s+Credential=([^,\\s]+),\\s*SignedHeaders=([^,\\s]+),\\s*Signature=([0-9a-fA-F]+)");
    private static final DateTimeFormatter AMZ_DATE = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");
    /** How far a request's date may be from the server's clock, and so how long a signature stays valid. */
    public static final Duration MAX_SKEW = Duration.ofMinutes(15);
    private static final HexFormat HEX = HexFormat.of();

    private final Map<String, String> secretsByAccessKey;
    private final String region;
    private final Clock clock;

    public SigV4Verifier(Map<String, String> secretsByAccessKey, String region, Clock clock) {
        this.secretsByAccessKey = Map.copyOf(secretsByAccessKey);
        this.region = region;
        this.clock = clock;
    }

    /**
     * The service an Authorization header's credential scope names, without checking anything else:
     * which service's front door a request goes to before it is verified there.
     */
    public static Optional<String> scopedService(String authorization) {
        if (authorization == null) {
            return Optional.empty();
        }
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.find()) {
            return Optional.empty();
        }
        String[] credential = m.group(1).split("/");
        return credential.length == 5 ? Optional.of(credential[3]) : Optional.empty();
    }

    /** Checks the signature, the body included: what it was signed for, when, and the signature itself. */
    public SignedRequest verify(ApiRequest request) {
        return verifyHeaders(request, () -> checkPayloadHash(request));
    }

    /** When a signature made at {@code amzDate} stops being accepted: 15 minutes after it was made. */
    public static Instant validUntil(String amzDate) {
        return LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC).plus(MAX_SKEW);
    }

    /**
     * Checks the signature of a request whose body is not at hand yet (S3 streams its bodies): the
     * signed hash of the body is taken as claimed, and the caller checks the body against it,
     * or the chunk signatures that follow from the returned seed. Seeing a signature twice is the
     * caller's to judge.
     */
    public SignedRequest verifyHeaders(ApiRequest request) {
        return verifyHeaders(request, () -> { });
    }

    /**
     * What can be checked of a request before its body is read: a known key, this region, a current
     * date, and, when the client signed the body's hash as a header, the signature itself. Records
     * nothing, so the request is verified in full once its body is there.
     */
    public void checkBeforeBody(ApiRequest headersOnly) {
        Credential credential = credential(headersOnly);
        if (credential.signedHeaders().contains("x-amz-content-sha256")
                && matchingSignature(headersOnly, credential).isEmpty()) {
            throw mismatch();
        }
    }

    private SignedRequest verifyHeaders(ApiRequest request, Runnable payloadCheck) {
        Credential credential = credential(request);
        payloadCheck.run();
        return matchingSignature(request, credential).orElseThrow(SigV4Verifier::mismatch);
    }

    /** The parts of an Authorization header that name who signed, when and for what. */
    private record Credential(String[] parts, String secret, String amzDate, List<String> signedHeaders,
                              String signature) {
        String scope() {
            return String.join("/", parts[1], parts[2], parts[3], parts[4]);
        }
    }

    private Credential credential(ApiRequest request) {
        String authorization = request.header("authorization").orElseThrow(() -> forbidden(
                "MissingAuthenticationTokenException", "Missing Authentication Token"));
        Matcher m = AUTHORIZATION.matcher(authorization);
        if (!m.find()) {
            throw forbidden("IncompleteSignatureException", "Authorization header requires 'Credential', "
                    + "'SignedHeaders' and 'Signature' parameters for AWS4-HMAC-SHA256.");
        }
        String[] credential = m.group(1).split("/");
        if (credential.length != 5 || !credential[4].equals("aws4_request")) {
            throw forbidden("IncompleteSignatureException", "Credential must have the form "
                    + "ACCESS_KEY/DATE/REGION/SERVICE/aws4_request, got " + m.group(1));
        }
        String secret = secretsByAccessKey.get(credential[0]);
        if (secret == null) {
            throw forbidden("UnrecognizedClientException", "The security token included in the request is invalid.");
        }
        if (!credential[2].equals(region)) {
            throw forbidden("InvalidSignatureException", "Credential should be scoped to a valid region, not '"
                    + credential[2] + "'. This server serves " + region + ".");
        }
        String amzDate = request.header("x-amz-date").orElseThrow(() -> forbidden("IncompleteSignatureException",
                "The request must contain the header X-Amz-Date."));
        checkSkew(amzDate);
        // X-Amz-Date parsed, so its first eight characters are its day.
        if (!amzDate.substring(0, 8).equals(credential[1])) {
            throw forbidden("InvalidSignatureException", "Credential should be scoped to the date of the request, "
                    + amzDate.substring(0, 8) + ", not '" + credential[1] + "'.");
        }
        List<String> signedHeaders = List.of(m.group(2).split(";"));
        checkSignedHeaders(request, signedHeaders);
        return new Credential(credential, secret, amzDate, signedHeaders, m.group(3).toLowerCase());
    }

    /**
     * As AWS requires: the host and every x-amz-* header the request carries are signed (or a
     * relay could change the target, the operation or the body's hash), and every header the
     * signature names is there.
     */
    private static void checkSignedHeaders(ApiRequest request, List<String> signedHeaders) {
        if (!signedHeaders.contains("host")) {
            throw forbidden("InvalidSignatureException", "The host header must be signed; SignedHeaders is "
                    + String.join(";", signedHeaders) + ".");
        }
        List<String> unsigned = request.headers().keySet().stream()
                .filter(name -> name.startsWith("x-amz-") && !signedHeaders.contains(name)).sorted().toList();
        if (!unsigned.isEmpty()) {
            throw forbidden("InvalidSignatureException", "Every x-amz-* header must be signed; these are not: "
                    + String.join(", ", unsigned) + ".");
        }
        List<String> absent = signedHeaders.stream().filter(name -> !request.headers().containsKey(name)).toList();
        if (!absent.isEmpty()) {
            throw forbidden("IncompleteSignatureException", "The request is signed with headers it does not carry: "
                    + String.join(", ", absent) + ".");
        }
    }

    private static Optional<SignedRequest> matchingSignature(ApiRequest request, Credential credential) {
        String[] parts = credential.parts();
        String scope = credential.scope();
        byte[] key = signingKey(credential.secret(), parts[1], parts[2], parts[3]);
        String provided = credential.signature();
        // SDKs encode the already-encoded path once more for every service but S3; accept either form.
        for (String canonicalUri : List.of(encode(request.rawPath(), false), normalizePath(request.rawPath()))) {
            String canonical = canonicalRequest(request, canonicalUri, credential.signedHeaders());
            String toSign = "AWS4-HMAC-SHA256\n" + credential.amzDate() + "\n" + scope + "\n"
                    + sha256Hex(canonical.getBytes(StandardCharsets.UTF_8));
            String expected = HEX.formatHex(hmac(key, toSign));
            if (MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                    provided.getBytes(StandardCharsets.US_ASCII))) {
                return Optional.of(new SignedRequest(parts[3], credential.amzDate(), scope, key, provided));
            }
        }
        return Optional.empty();
    }

    private static ApiException mismatch() {
        return forbidden("InvalidSignatureException", "The request signature we calculated does not match the "
                + "signature you provided. Check your AWS Secret Access Key and signing method.");
    }

    /**
     * A request whose signature checked out: the service it was signed for, and what a streamed
     * body's chunk signatures are computed from (date, scope, signing key, the seed signature).
     */
    public record SignedRequest(String service, String amzDate, String scope, byte[] signingKey, String signature) {
        /** The HMAC-SHA256 of {@code data} under this request's signing key, in hex. */
        public String sign(String data) {
            return HEX.formatHex(hmac(signingKey, data));
        }
    }

    /**
     * A signature covers the body through its hash. A client that sends the hash as a header signs
     * the header rather than the body, so the body must be checked against it, or any body would do.
     */
    private static void checkPayloadHash(ApiRequest request) {
        var claimed = request.header("x-amz-content-sha256");
        if (claimed.isPresent() && !claimed.get().equalsIgnoreCase(sha256Hex(request.body()))) {
            throw forbidden("InvalidSignatureException", "The provided 'x-amz-content-sha256' header does not match "
                    + "what was computed.");
        }
    }

    private void checkSkew(String amzDate) {
        Instant signedAt;
        try {
            signedAt = LocalDateTime.parse(amzDate, AMZ_DATE).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw forbidden("IncompleteSignatureException", "X-Amz-Date must have the form yyyyMMddTHHmmssZ, got "
                    + amzDate);
        }
        Instant now = clock.instant();
        if (signedAt.isBefore(now.minus(MAX_SKEW))) {
            throw forbidden("InvalidSignatureException", "Signature expired: " + amzDate + " is now earlier than "
                    + AMZ_DATE.format(now.minus(MAX_SKEW).atOffset(ZoneOffset.UTC)) + " ("
                    + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " - 15 min.)");
        }
        if (signedAt.isAfter(now.plus(MAX_SKEW))) {
            throw forbidden("InvalidSignatureException", "Signature not yet current: " + amzDate
                    + " is still later than " + AMZ_DATE.format(now.plus(MAX_SKEW).atOffset(ZoneOffset.UTC)) + " ("
                    + AMZ_DATE.format(now.atOffset(ZoneOffset.UTC)) + " + 15 min.)");
        }
    }

    static String canonicalRequest(ApiRequest request, String canonicalUri, List<String> signedHeaders) {
        String payloadHash = request.header("x-amz-content-sha256").orElseGet(() -> sha256Hex(request.body()));
        return request.method() + "\n"
                + canonicalUri + "\n"
                + canonicalQuery(request.rawQuery()) + "\n"
                + canonicalHeaders(request, signedHeaders) + "\n"
                + String.join(";", signedHeaders) + "\n"
                + payloadHash;
    }

    private static String canonicalQuery(String rawQuery) {
        var pairs = new ArrayList<>(QueryString.pairs(rawQuery));
        return pairs.stream()
                .map(p -> Map.entry(encode(p.getKey(), true), encode(p.getValue(), true)))
                .sorted(Map.Entry.<String, String>comparingByKey().thenComparing(Map.Entry.comparingByValue()))
                .map(p -> p.getKey() + "=" + p.getValue())
                .collect(Collectors.joining("&"));
    }

    private static String canonicalHeaders(ApiRequest request, List<String> signedHeaders) {
        var sb = new StringBuilder();
        for (String name : signedHeaders) {
            List<String> values = Optional.ofNullable(request.headers().get(name)).orElse(List.of());
            sb.append(name).append(':')
                    .append(values.stream().map(v -> v.strip().replaceAll("\\s+", " "))
                            .collect(Collectors.joining(",")))
                    .append('\n');
        }
        return sb.toString();
    }

    private static String normalizePath(String rawPath) {
        return rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
    }

    /** RFC 3986 encoding as SigV4 defines it: unreserved characters stay, all else is %XX. */
    static String encode(String value, boolean encodeSlash) {
        if (value == null || value.isEmpty()) {
            return encodeSlash ? "" : "/";
        }
        var sb = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '_' || c == '.' || c == '~';
            if (unreserved || (c == '/' && !encodeSlash)) {
                sb.append(c);
            } else {
                sb.append('%').append(HEX.withUpperCase().toHexDigits(b));
            }
        }
        return sb.toString();
    }

    private static byte[] signingKey(String secret, String date, String region, String service) {
        byte[] key = hmac(("AWS4" + secret).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, service);
        return hmac(key, "aws4_request");
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    /** The SHA-256 of the data in lowercase hex, as signatures use it. */
    public static String sha256Hex(byte[] data) {
        return HEX.formatHex(sha256().digest(data));
    }

    /** A new SHA-256 digest, for hashing a body as it streams. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    private static ApiException forbidden(String type, String message) {
        return new ApiException(AwsError.forbidden(type, message));
    }
}
