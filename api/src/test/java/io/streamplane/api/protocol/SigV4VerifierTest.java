package io.streamplane.api.protocol;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Checked against the "get-vanilla" case of AWS's published Signature Version 4 test suite. */
class SigV4VerifierTest {
    private static final String KEY = "AKIDEXAMPLE";
    private static final String SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";
    private static final Instant SIGNED_AT = Instant.parse("2015-08-30T12:36:00Z");
    private static final String VANILLA_AUTHORIZATION = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/"
            + "service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31";

    @Test
    void theScopedService_isReadFromTheCredential_beforeAnythingIsChecked() {
        assertThat(SigV4Verifier.scopedService("AWS4-HMAC-SHA256 Credential=AKID/20261201/us-east-1/s3/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abcdef")).contains("s3");
        assertThat(SigV4Verifier.scopedService("AWS4-HMAC-SHA256 Credential=AKID/us-east-1, SignedHeaders=host, "
                + "Signature=abcdef")).isEmpty();
        assertThat(SigV4Verifier.scopedService("Basic dXNlcjpwYXNz")).isEmpty();
        assertThat(SigV4Verifier.scopedService(null)).isEmpty();
    }

    @Test
    void verify_acceptsTheReferenceSignatureAndReturnsTheScopedService() {
        assertThat(verifierAt(SIGNED_AT).verify(vanilla(VANILLA_AUTHORIZATION)).service()).isEqualTo("service");
    }

    @Test
    void verify_acceptsClockSkewUpToFifteenMinutes() {
        assertThat(verifierAt(SIGNED_AT.plusSeconds(14 * 60)).verify(vanilla(VANILLA_AUTHORIZATION)).service())
                .isEqualTo("service");
    }

    @Test
    void verify_refusesASignatureOlderThanFifteenMinutes() {
        assertThatThrownBy(() -> verifierAt(SIGNED_AT.plusSeconds(16 * 60)).verify(vanilla(VANILLA_AUTHORIZATION)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(403);
                    assertThat(e.error().type()).isEqualTo("InvalidSignatureException");
                    assertThat(e.error().message()).startsWith("Signature expired");
                });
    }

    @Test
    void verify_refusesATamperedSignature() {
        String tampered = VANILLA_AUTHORIZATION.replace("5fa00fa3", "5fa00fa4");
        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(vanilla(tampered)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(403);
                    assertThat(e.error().type()).isEqualTo("InvalidSignatureException");
                });
    }

    @Test
    void verify_refusesAnUnknownAccessKey() {
        String unknown = VANILLA_AUTHORIZATION.replace("AKIDEXAMPLE", "AKIDOTHER");
        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(vanilla(unknown)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error().type()).isEqualTo("UnrecognizedClientException"));
    }

    @Test
    void verify_refusesAnUnsignedRequest() {
        var request = new ApiRequest("GET", "/", null, Map.of("host", List.of("example.amazonaws.com")), new byte[0]);
        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(request))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(403);
                    assertThat(e.error().type()).isEqualTo("MissingAuthenticationTokenException");
                });
    }

    @Test
    void verify_refusesACredentialScopedToAnotherRegion() {
        String otherRegion = VANILLA_AUTHORIZATION.replace("us-east-1", "eu-west-1");
        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(vanilla(otherRegion)))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error().message()).contains("scoped to a valid region"));
    }

    @Test
    void verify_refusesADateScopeThatIsNotTheRequestsDay_anEmptyOneIncluded() {
        for (String scope : List.of("", "2015083", "20150831")) {
            String authorization = VANILLA_AUTHORIZATION.replace("/20150830/", "/" + scope + "/");
            assertRefused(vanilla(authorization), "InvalidSignatureException",
                    "Credential should be scoped to the date of the request, 20150830, not '" + scope + "'.");
        }
    }

    @Test
    void verify_refusesARequestWhoseHostIsNotSigned() {
        assertRefused(vanilla(VANILLA_AUTHORIZATION.replace("SignedHeaders=host;x-amz-date", "SignedHeaders=x-amz-date")),
                "InvalidSignatureException", "The host header must be signed; SignedHeaders is x-amz-date.");
    }

    @Test
    void verify_refusesAnXAmzHeaderThatIsNotSigned_suchAsTheOperationOfAJsonCall() {
        var request = new ApiRequest("POST", "/", null, Map.of(
                "host", List.of("example.amazonaws.com"),
                "x-amz-date", List.of("20150830T123600Z"),
                "x-amz-target", List.of("secretsmanager.DeleteSecret"),
                "x-amz-security-token", List.of("t"),
                "authorization", List.of(VANILLA_AUTHORIZATION)), new byte[0]);
        assertRefused(request, "InvalidSignatureException",
                "Every x-amz-* header must be signed; these are not: x-amz-security-token, x-amz-target.");
    }

    @Test
    void verify_refusesASignatureNamingAHeaderTheRequestDoesNotCarry() {
        assertRefused(vanilla(VANILLA_AUTHORIZATION.replace("SignedHeaders=host;x-amz-date",
                "SignedHeaders=content-type;host;x-amz-date")), "IncompleteSignatureException",
                "The request is signed with headers it does not carry: content-type.");
    }

    private static void assertRefused(ApiRequest request, String type, String message) {
        assertThatThrownBy(() -> verifierAt(SIGNED_AT).verify(request))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(403);
                    assertThat(e.error().type()).isEqualTo(type);
                    assertThat(e.error().message()).isEqualTo(message);
                });
    }

    @Test
    void encode_keepsUnreservedCharactersAndEncodesTheRestUpperCase() {
        assertThat(SigV4Verifier.encode("arn:aws/x y~", true)).isEqualTo("arn%3Aaws%2Fx%20y~");
        assertThat(SigV4Verifier.encode("/v1/clusters/arn%3Aa", false)).isEqualTo("/v1/clusters/arn%253Aa");
    }

    private static SigV4Verifier verifierAt(Instant now) {
        return new SigV4Verifier(Map.of(KEY, SECRET), "us-east-1", Clock.fixed(now, ZoneOffset.UTC));
    }

    private static ApiRequest vanilla(String authorization) {
        return new ApiRequest("GET", "/", null, Map.of(
                "host", List.of("example.amazonaws.com"),
                "x-amz-date", List.of("20150830T123600Z"),
                "authorization", List.of(authorization)), new byte[0]);
    }
}
