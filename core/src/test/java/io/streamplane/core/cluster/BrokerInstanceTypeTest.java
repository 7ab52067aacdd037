package io.streamplane.core.cluster;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BrokerInstanceTypeTest {
    @Test
    void heap_growsWithTheInstanceTypeWithinBounds() {
        assertThat(BrokerInstanceType.of("kafka.t3.small").heapMegabytes()).isEqualTo(256);
        assertThat(BrokerInstanceType.of("kafka.m5.large").heapMegabytes()).isEqualTo(512);
        assertThat(BrokerInstanceType.of("kafka.m5.xlarge").heapMegabytes()).isEqualTo(1024);
        assertThat(BrokerInstanceType.of("kafka.m7g.16xlarge").heapMegabytes()).isEqualTo(2048);
    }

    @Test
    void requestThreads_areMsksDefaultsForSmallTypes_andGrowWithTheVcpus() {
        assertThat(BrokerInstanceType.of("kafka.m5.large").threadProperties())
                .containsEntry("num.io.threads", "8").containsEntry("num.network.threads", "5");
        assertThat(BrokerInstanceType.of("kafka.m5.xlarge").threadProperties())
                .containsEntry("num.io.threads", "8").containsEntry("num.network.threads", "5");
        assertThat(BrokerInstanceType.of("kafka.m5.2xlarge").threadProperties())
                .containsEntry("num.io.threads", "16").containsEntry("num.network.threads", "8");
        assertThat(BrokerInstanceType.of("kafka.m5.24xlarge").threadProperties())
                .containsEntry("num.io.threads", "192").containsEntry("num.network.threads", "96");
    }

    @Test
    void of_refusesAnUnknownTypeNamingTheField() {
        assertThatThrownBy(() -> BrokerInstanceType.of("kafka.x9.huge"))
                .isInstanceOf(InvalidRequest.class)
                .hasMessageContaining("Unsupported instanceType [kafka.x9.huge]")
                .extracting(e -> ((InvalidRequest) e).field().orElseThrow()).isEqualTo("instanceType");
    }
}
