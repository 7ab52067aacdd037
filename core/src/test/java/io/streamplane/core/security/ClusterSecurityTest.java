package io.streamplane.core.security;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClusterSecurityTest {
    @Test
    void validate_refusesWhatMskRefuses_namingTheMember() {
        assertThatThrownBy(() -> new ClusterSecurity("TLS_ONLY", false, true, false, false, List.of())
                .validate("provisioned."))
                .hasFieldOrPropertyWithValue("field",
                        "provisioned.encryptionInfo.encryptionInTransit.clientBroker");
        assertThatThrownBy(() -> new ClusterSecurity(ClusterSecurity.PLAINTEXT, false, false, true, false, List.of())
                .validate(""))
                .hasMessageContaining("SASL/SCRAM needs TLS");
        assertThatThrownBy(() -> new ClusterSecurity(ClusterSecurity.TLS, false, false, false, false, List.of())
                .validate(""))
                .hasFieldOrPropertyWithValue("field", "clientAuthentication.unauthenticated");
        assertThatThrownBy(() -> new ClusterSecurity(ClusterSecurity.TLS, false, false, false, true, List.of())
                .validate(""))
                .hasFieldOrPropertyWithValue("field",
                        "clientAuthentication.tls.certificateAuthorityArnList");
    }
}
