package io.streamplane.server;

import io.streamplane.api.http.EndpointLimits;
import io.streamplane.api.http.HttpEndpoint;
import io.streamplane.api.http.TextPage;
import io.streamplane.api.protocol.ApiGateway;
import io.streamplane.api.protocol.SigV4Verifier;
import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.replay.RecordedAnswer;
import io.streamplane.runtime.local.LocalCertificateAuthority;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** HTTPS on the endpoint, with a certificate of the installation's CA or one from files, over real TLS. */
class EndpointTlsTest {

    @Test
    void withTheInstallationsCa_clientsTrustingTheCaGetHttps(@TempDir Path dataDir) throws Exception {
        var authority = LocalCertificateAuthority.loadOrCreate(dataDir);
        var config = new EndpointConfig("127.0.0.1", 0, 0, new EndpointConfig.Tls.FromInstallationCa(), false);
        try (var endpoint = serve(config, authority)) {
            String url = config.url(endpoint.port());
            assertThat(url).startsWith("https://127.0.0.1:");
            var response = trusting(authority.certificatePem()).send(HttpRequest.newBuilder(URI.create(url + "/ca.pem"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo(authority.certificatePem());
            // A client that does not trust the CA is not fooled into talking.
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url + "/ca.pem"))
                    .build(), HttpResponse.BodyHandlers.ofString())).isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void withFiles_theGivenCertificateIsServed(@TempDir Path dir) throws Exception {
        var otherCa = LocalCertificateAuthority.loadOrCreate(dir.resolve("other"));
        var issued = otherCa.issueNodeCertificate("api.example", List.of("127.0.0.1"));
        Path chain = Files.writeString(dir.resolve("chain.pem"), issued.certificateChainPem());
        Path key = Files.writeString(dir.resolve("key.pem"), issued.privateKeyPem());
        var config = new EndpointConfig("127.0.0.1", 0, 0, EndpointConfig.tls(false, Optional.of(chain),
                Optional.of(key)), false);
        try (var endpoint = serve(config, LocalCertificateAuthority.loadOrCreate(dir.resolve("installation")))) {
            var response = trusting(otherCa.certificatePem()).send(HttpRequest.newBuilder(URI.create(
                    config.url(endpoint.port()) + "/ca.pem")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aKeyThatIsNotPkcs8_isRefusedSayingHowToConvertIt(@TempDir Path dir) throws Exception {
        Path chain = Files.writeString(dir.resolve("chain.pem"), LocalCertificateAuthority.loadOrCreate(dir)
                .certificatePem());
        Path key = Files.writeString(dir.resolve("key.pem"), "-----BEGIN EC PRIVATE KEY-----\nAAAA\n"
                + "-----END EC PRIVATE KEY-----\n");
        var config = new EndpointConfig("127.0.0.1", 0, 0, EndpointConfig.tls(false, Optional.of(chain),
                Optional.of(key)), false);
        assertThatThrownBy(() -> EndpointTlsContext.of(config, LocalCertificateAuthority.loadOrCreate(dir)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    @Test
    void plainHttpBeyondLoopback_isRefusedUnlessAskedFor() {
        assertThatThrownBy(() -> new EndpointConfig("0.0.0.0", 4566, 4567, new EndpointConfig.Tls.None(), false)
                .checkSafeToServe()).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("Refusing to serve plain HTTP on 0.0.0.0: give --tls (a certificate from this "
                        + "installation's CA), or --tls-cert and --tls-key, or --insecure-http");
        new EndpointConfig("0.0.0.0", 4566, 4567, new EndpointConfig.Tls.None(), true).checkSafeToServe();
        new EndpointConfig("0.0.0.0", 4566, 4567, new EndpointConfig.Tls.FromInstallationCa(), false).checkSafeToServe();
        new EndpointConfig("127.0.0.1", 4566, 4567, new EndpointConfig.Tls.None(), false).checkSafeToServe();
    }

    @Test
    void theTlsFlags_goTogetherOneWayOnly() {
        assertThatThrownBy(() -> EndpointConfig.tls(false, Optional.of(Path.of("c.pem")), Optional.empty()))
                .hasMessage("--tls-cert and --tls-key go together: give both or neither");
        assertThatThrownBy(() -> EndpointConfig.tls(true, Optional.of(Path.of("c.pem")), Optional.of(Path.of("k.pem"))))
                .hasMessageStartingWith("--tls takes its certificate from the installation's CA");
        assertThat(EndpointConfig.tls(false, Optional.empty(), Optional.empty())).isEqualTo(new EndpointConfig.Tls.None());
    }

    @Test
    void theCertificateOfTheInstallationsCa_namesTheBindAddressAndLoopback() {
        assertThat(EndpointTlsContext.hosts("10.1.2.3")).contains("10.1.2.3", "localhost", "127.0.0.1");
        assertThat(EndpointTlsContext.hosts("0.0.0.0")).contains("127.0.0.1", "localhost").doesNotContain("0.0.0.0");
    }

    private static HttpEndpoint serve(EndpointConfig config, LocalCertificateAuthority authority) {
        // No service behind it: only the unsigned page is asked for, so no answer is ever recorded.
        var gateway = new ApiGateway(new SigV4Verifier(Map.of("AKID", "secret"), "us-east-1", Clock.systemUTC()),
                List.of(), new AnswerLedger() {
                    @Override
                    public Optional<RecordedAnswer> answerTo(String signature, Instant now) {
                        return Optional.empty();
                    }

                    @Override
                    public void record(String signature, RecordedAnswer answer, Instant expiresAt, Instant now) {
                        throw new AssertionError("No change reaches a gateway without services");
                    }
                }, Clock.systemUTC());
        var endpoint = HttpEndpoint.api(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0),
                EndpointTlsContext.of(config, authority), EndpointLimits.defaults(), gateway, List.of(),
                Map.of("/ca.pem", new TextPage("application/x-pem-file", authority::certificatePem)));
        endpoint.start();
        return endpoint;
    }

    private static HttpClient trusting(String caPem) throws Exception {
        var trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("ca", CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(caPem.getBytes(StandardCharsets.US_ASCII))));
        var managers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        managers.init(trusted);
        var context = SSLContext.getInstance("TLS");
        context.init(null, managers.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(context).build();
    }
}
