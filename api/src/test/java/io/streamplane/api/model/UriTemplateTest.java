package io.streamplane.api.model;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class UriTemplateTest {
    @Test
    void match_decodesAnArnWithEncodedSlashesAsOneLabel() {
        var template = new UriTemplate("/v1/clusters/{clusterArn}/nodes");

        var labels = template.match("/v1/clusters/arn%3Aaws%3Akafka%3Aus-east-1%3A0%3Acluster%2Fdemo%2Fabc-1/nodes");

        assertThat(labels).contains(Map.of("clusterArn", "arn:aws:kafka:us-east-1:0:cluster/demo/abc-1"));
    }

    @Test
    void match_requiresTheLiteralSegmentsAndTheSameDepth() {
        var template = new UriTemplate("/v1/clusters/{clusterArn}/nodes");

        assertThat(template.match("/v1/clusters/x/operations")).isEmpty();
        assertThat(template.match("/v1/clusters/x/nodes/count")).isEmpty();
        assertThat(template.match("/v1/clusters/x/nodes/")).isPresent();
    }

    @Test
    void match_keepsAPlusSignLiteral() {
        assertThat(new UriTemplate("/v1/tags/{resourceArn}").match("/v1/tags/a+b"))
                .contains(Map.of("resourceArn", "a+b"));
    }
}
