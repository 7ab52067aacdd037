package io.streamplane.runtime.local;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LocalCertificateAuthorityTest {
    @Test
    void issuesNodeCertificatesSignedByItsOwnCa_forTheNodesAddresses(@TempDir Path dataDir) throws Exception {
        var authority = LocalCertificateAuthority.loadOrCreate(dataDir);

        var issued = authority.issueNodeCertificate("b-1", List.of("127.1.1.1", "b-1.demo.local"));

        var chain = certificates(issued.certificateChainPem());
        var ca = certificates(authority.certificatePem()).get(0);
        assertThat(chain).hasSize(2);
        chain.get(0).verify(ca.getPublicKey());
        assertThat(chain.get(0).getSubjectX500Principal().getName()).isEqualTo("CN=b-1,O=Streamplane");
        assertThat(chain.get(0).getSubjectAlternativeNames().stream().map(name -> (Object) name.get(1)).toList())
                .containsExactly("127.1.1.1", "b-1.demo.local");
        assertThat(chain.get(0).getBasicConstraints()).isEqualTo(-1);
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(issued.privateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
    }

    @Test
    void keepsItsCaAcrossStarts_withTheKeyReadableByItsOwnerOnly(@TempDir Path dataDir) throws Exception {
        String first = LocalCertificateAuthority.loadOrCreate(dataDir).certificatePem();

        var again = LocalCertificateAuthority.loadOrCreate(dataDir);

        assertThat(again.certificatePem()).isEqualTo(first);
        certificates(again.issueNodeCertificate("b-2", List.of("127.1.1.2")).certificateChainPem()).get(0)
                .verify(certificates(first).get(0).getPublicKey());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("security/ca.key"))))
                .isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("security"))))
                .isEqualTo("rwx------");
    }

    @SuppressWarnings("unchecked")
    private static List<X509Certificate> certificates(String pem) throws Exception {
        return (List<X509Certificate>) CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.UTF_8)));
    }
}
