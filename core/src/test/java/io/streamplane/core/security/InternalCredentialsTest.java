package io.streamplane.core.security;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class InternalCredentialsTest {
    private static final InternalCredentials INSTALLATION = new InternalCredentials(InternalCredentials.USERNAME,
            "0123456789abcdef");

    @Test
    void eachClusterHasItsOwnPassword_theSameEveryTime_andNeverTheInstallations() {
        var orders = INSTALLATION.forCluster("c266e40a-4126-4ed0-92c7-f7d691155957-8");
        var payments = INSTALLATION.forCluster("1ae87c46-bd3a-4bd0-a0a2-8f0a847ce6fa-7");

        assertThat(orders.password()).isNotEqualTo(payments.password()).isNotEqualTo(INSTALLATION.password())
                .hasSize(64);
        assertThat(INSTALLATION.forCluster("c266e40a-4126-4ed0-92c7-f7d691155957-8")).isEqualTo(orders);
        assertThat(orders.username()).isEqualTo(InternalCredentials.USERNAME);
        assertThat(orders.toString()).doesNotContain(orders.password());
    }
}
