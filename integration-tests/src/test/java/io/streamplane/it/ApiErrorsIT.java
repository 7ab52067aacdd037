package io.streamplane.it;

import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.BadRequestException;
import software.amazon.awssdk.services.kafka.model.KafkaException;
import software.amazon.awssdk.services.kafka.model.NotFoundException;
import software.amazon.awssdk.services.kafka.model.ProvisionedRequest;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Bad requests get AWS-style errors naming what is wrong, never a 500, and change no state. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsIT {
    /** The versions a new cluster may name here, as MSK lists them: oldest first. */
    private static final String OFFERED = "3.6.0, 3.7.x, 3.7.x.kraft, 3.8.x, 3.8.x.kraft, 3.9.x, 3.9.x.kraft, "
            + "4.0.x.kraft, " + Clusters.KAFKA_VERSION + ", 4.2.x.kraft, 4.3.x.kraft, 4.4.x.kraft";
    private static final String UNKNOWN_ARN =
            "arn:aws:kafka:us-east-1:000000000000:cluster/nope/00000000-0000-0000-0000-000000000000-1";
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private SignedHttp http;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        http = new SignedHttp(streamplane.endpoint());
    }

    @AfterAll
    void stop() {
        assertThat(kafka.listClustersV2(r -> { }).clusterInfoList()).as("no bad request may leave a cluster").isEmpty();
        streamplane.close();
    }

    @Test
    void describeCluster_ofAnUnknownArn_isNotFound() {
        assertThatThrownBy(() -> kafka.describeClusterV2(r -> r.clusterArn(UNKNOWN_ARN)))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorMessage()).contains(UNKNOWN_ARN);
                });
        assertThatThrownBy(() -> kafka.deleteCluster(r -> r.clusterArn(UNKNOWN_ARN)))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> kafka.getBootstrapBrokers(r -> r.clusterArn(UNKNOWN_ARN)))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void createCluster_withAnInvalidName_isABadRequestNamingTheField() {
        assertBadRequest(() -> Clusters.createCluster(kafka, "bad_name!", 3, subnets(3)), "clusterName");
    }

    @Test
    void createCluster_withBrokersNotAMultipleOfTheZones_isABadRequest() {
        assertThatThrownBy(() -> Clusters.createCluster(kafka, "uneven", 4, subnets(3)))
                .isInstanceOfSatisfying(BadRequestException.class, e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("numberOfBrokerNodes must be a multiple of 3 (the number of client subnets), got 4"));
    }

    @Test
    void createCluster_withATagKeyBeyondAwsBounds_isABadRequestNamingTheTags_andCreatesNothing() {
        assertThatThrownBy(() -> kafka.createClusterV2(r -> r.clusterName("long-tag").tags(Map.of("k".repeat(200), "v"))
                .provisioned(p -> p.kafkaVersion("4.1.x.kraft").numberOfBrokerNodes(3).brokerNodeGroupInfo(b -> b
                        .instanceType("kafka.m5.large").clientSubnets(subnets(3))))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.invalidParameter()).isEqualTo("tags");
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(
                            "Tag keys must be 1 to 128 characters, got one of 200");
                });
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("long-tag")).clusterInfoList()).isEmpty();
    }

    @Test
    void createCluster_withOneSubnet_isABadRequest() {
        assertBadRequest(() -> Clusters.createCluster(kafka, "single", 1, subnets(1)), "2 or 3 subnets");
    }

    @Test
    void createCluster_withAnUnknownKafkaVersion_listsTheValidOnes() {
        assertBadRequest(() -> createOn("9.9.x"), "Unsupported KafkaVersion [9.9.x]. Valid values: [" + OFFERED + "]");
    }

    @Test
    void createCluster_onAVersionPastMsksSupport_saysWhenItsSupportEnded() {
        assertBadRequest(() -> createOn("2.8.1"), "Kafka version 2.8.1 reached the end of its support on 2024-09-11");
    }

    private void createOn(String kafkaVersion) {
        kafka.createClusterV2(r -> r.clusterName("versioned").provisioned(p -> p
                .kafkaVersion(kafkaVersion).numberOfBrokerNodes(3).brokerNodeGroupInfo(b -> b
                        .instanceType("kafka.m5.large").clientSubnets(subnets(3)))));
    }

    @Test
    void createCluster_beyondTheModelledBrokerLimit_isABadRequest() {
        assertBadRequest(() -> Clusters.createCluster(kafka, "huge", 18, subnets(3)),
                "provisioned.numberOfBrokerNodes must be at most 15");
    }

    @Test
    void createCluster_serverless_isRefusedClearly() {
        assertBadRequest(() -> kafka.createClusterV2(r -> r.clusterName("sls").serverless(s -> s
                .vpcConfigs(v -> v.subnetIds("subnet-1")))), "Serverless clusters are not supported");
    }

    @Test
    void createCluster_withConflictingSecuritySettings_isRefusedNamingTheMember_andCreatesNothing() {
        assertRefused(p -> p.encryptionInfo(e -> e.encryptionInTransit(t -> t.clientBroker("PLAINTEXT")))
                        .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))),
                "provisioned.encryptionInfo.encryptionInTransit.clientBroker", "SASL/SCRAM needs TLS");
        assertRefused(p -> p.clientAuthentication(a -> a.unauthenticated(u -> u.enabled(false))),
                "provisioned.clientAuthentication.unauthenticated", "At least one client authentication method");
        assertRefused(p -> p.clientAuthentication(a -> a.sasl(s -> s.iam(i -> i.enabled(true)))),
                "provisioned.clientAuthentication.sasl.iam", "IAM access control");
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("insecure")).clusterInfoList()).isEmpty();
    }

    private void assertRefused(Consumer<ProvisionedRequest.Builder> settings, String member, String messagePart) {
        assertThatThrownBy(() -> kafka.createClusterV2(r -> r.clusterName("insecure").provisioned(p -> {
            p.kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(3)
                    .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(subnets(3)));
            settings.accept(p);
        }))).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.invalidParameter()).isEqualTo(member);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }

    @Test
    void createCluster_withAnUnknownConfiguration_isABadRequestNamingIt() {
        String unknown = "arn:aws:kafka:us-east-1:000000000000:configuration/none/00000000-0000-0000-0000-000000000000-1";
        assertThatThrownBy(() -> kafka.createClusterV2(r -> r.clusterName("unconfigured").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(3)
                .configurationInfo(c -> c.arn(unknown).revision(1L))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets(subnets(3))))))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.invalidParameter()).isEqualTo("configurationInfo.arn");
                    assertThat(e.awsErrorDetails().errorMessage()).contains(unknown).contains("does not exist");
                });
    }

    @Test
    void aRequestSignedWithTheWrongSecret_isForbidden() {
        try (var impostor = StreamplaneFixture.kafkaClient(streamplane.endpoint(), "test", "wrong")) {
            assertThatThrownBy(() -> impostor.listClustersV2(r -> { }))
                    .isInstanceOfSatisfying(KafkaException.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(403);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidSignatureException");
                    });
        }
    }

    @Test
    void everyConfiguredAccessKey_isAccepted_eachOnlyWithItsOwnSecret() {
        try (var operations = StreamplaneFixture.kafkaClient(streamplane.endpoint(),
                StreamplaneFixture.SECOND_ACCESS_KEY_ID, StreamplaneFixture.SECOND_SECRET_ACCESS_KEY);
             var impostor = StreamplaneFixture.kafkaClient(streamplane.endpoint(),
                     StreamplaneFixture.SECOND_ACCESS_KEY_ID, StreamplaneFixture.SECRET_ACCESS_KEY)) {
            assertThat(operations.listClustersV2(r -> { }).clusterInfoList()).isNotNull();
            assertThatThrownBy(() -> impostor.listClustersV2(r -> { }))
                    .isInstanceOfSatisfying(KafkaException.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void aBodyChangedAfterSigning_isForbidden_andCreatesNothing() throws Exception {
        String signed = "{\"clusterName\":\"signed\",\"provisioned\":{}}";
        String tampered = "{\"clusterName\":\"tampered\",\"provisioned\":{}}";

        var response = http.sendWithChangedBody("POST", "/api/v2/clusters", signed, tampered);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).contains("x-amz-content-sha256");
        assertThat(kafka.listClustersV2(r -> r.clusterNameFilter("tampered")).clusterInfoList()).isEmpty();
    }

    @Test
    void aChangeSentTwiceWithOneSignature_runsOnce_andTheCopyGetsTheFirstAnswer() throws Exception {
        String body = "{\"name\":\"replayed\",\"serverProperties\":\"bnVtLnBhcnRpdGlvbnM9Mw==\"}";

        var creates = http.sendTimes(3, "POST", "/v1/configurations", body, Clock.systemUTC());
        var reads = http.sendTimes(2, "GET", "/v1/configurations", "", Clock.systemUTC());

        assertThat(creates).extracting(HttpResponse::statusCode).containsExactly(200, 200, 200);
        assertThat(creates.get(1).body()).isEqualTo(creates.get(0).body()).contains("\"name\":\"replayed\"");
        assertThat(creates.get(2).body()).isEqualTo(creates.get(0).body());
        assertThat(reads).extracting(HttpResponse::statusCode).containsExactly(200, 200);
        assertThat(kafka.listConfigurations(r -> { }).configurations())
                .filteredOn(c -> c.name().equals("replayed")).hasSize(1);
    }

    @Test
    void aChangeThatFailed_runsAnewWhenItsSignatureIsSentAgain() throws Exception {
        var existing = kafka.createConfiguration(r -> r.name("taken").kafkaVersions("4.1.x.kraft")
                .serverProperties(SdkBytes.fromUtf8String("num.partitions=3\n")));
        var create = http.capture("POST", "/v1/configurations",
                "{\"name\":\"taken\",\"serverProperties\":\"bnVtLnBhcnRpdGlvbnM9Mw==\"}", Clock.systemUTC());

        assertThat(create.send().statusCode()).isEqualTo(409);
        kafka.deleteConfiguration(r -> r.arn(existing.arn()));
        var again = create.send();

        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).doesNotContain(existing.arn());
        assertThat(kafka.listConfigurations(r -> { }).configurations())
                .filteredOn(c -> c.name().equals("taken")).hasSize(1);
    }

    @Test
    void aRequestSignedTwentyMinutesAgo_isForbidden() throws Exception {
        var skewed = Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-20));

        var response = http.send("GET", "/api/v2/clusters", "", skewed);

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("InvalidSignatureException");
        assertThat(response.body()).contains("Signature expired");
    }

    @Test
    void anUnsignedRequest_isForbidden() throws Exception {
        var response = http.sendUnsigned("GET", "/v1/clusters");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("MissingAuthenticationTokenException");
    }

    @Test
    void aMalformedJsonBody_isABadRequestNotAServerError() throws Exception {
        var response = http.send("POST", "/api/v2/clusters", "{not json", Clock.systemUTC());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("x-amzn-ErrorType")).contains("BadRequestException");
        assertThat(response.body()).contains("Invalid request body");
    }

    @Test
    void aBodyOfTheWrongType_isABadRequestNamingTheField() throws Exception {
        var response = http.send("POST", "/api/v2/clusters", "{\"clusterName\": 42}", Clock.systemUTC());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"invalidParameter\":\"clusterName\"");
    }

    @Test
    void anOperationNotImplementedYet_answers501NamingIt() {
        assertThatThrownBy(() -> kafka.createVpcConnection(r -> r.targetClusterArn(UNKNOWN_ARN).vpcId("vpc-1")
                .authentication("SASL_SCRAM").clientSubnets("subnet-1").securityGroups("sg-1")))
                .isInstanceOfSatisfying(KafkaException.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorMessage()).contains("CreateVpcConnection");
                });
    }

    /** Operations of MSK's newest model, which the SDK here predates, are routed as every other one. */
    @Test
    void theChannelOperations_answer501NamingEach() throws Exception {
        String channels = "/v1/clusters/" + URLEncoder.encode(UNKNOWN_ARN, StandardCharsets.UTF_8) + "/channels";
        var calls = Map.of("CreateChannel", new String[] {"POST", channels, "{}"},
                "ListChannels", new String[] {"GET", channels, ""},
                "DescribeChannel", new String[] {"GET", channels + "/c1", ""},
                "UpdateChannel", new String[] {"PUT", channels + "/c1", "{}"},
                "DeleteChannel", new String[] {"DELETE", channels + "/c1", ""});
        for (var call : calls.entrySet()) {
            String[] request = call.getValue();
            var response = http.send(request[0], request[1], request[2], Clock.systemUTC());
            assertThat(response.statusCode()).as(call.getKey()).isEqualTo(501);
            assertThat(response.headers().firstValue("x-amzn-ErrorType")).as(call.getKey())
                    .contains("NotImplementedException");
            assertThat(response.body()).as(call.getKey()).contains("The operation " + call.getKey() + " is not");
        }
    }

    @Test
    void listKafkaVersions_listsMsksVersionsAndTheNewerLines_andUpgradesGoOnlyForward_inTheSameMode() {
        var listed = kafka.listKafkaVersions(r -> { }).kafkaVersions();
        assertThat(listed).extracting(v -> v.version()).startsWith("1.1.1", "2.1.0")
                .containsSubsequence(OFFERED.split(", ")).endsWith("4.4.x.kraft");
        assertThat(listed).filteredOn(v -> v.statusAsString().equals("ACTIVE")).extracting(v -> v.version())
                .as("3.6.0 is DEPRECATED: MSK has published the end of its support")
                .containsExactly(OFFERED.replace("3.6.0, ", "").split(", "));
        var compatible = kafka.getCompatibleKafkaVersions(r -> { }).compatibleKafkaVersions();
        assertThat(compatible).filteredOn(v -> v.sourceVersion().equals(Clusters.KAFKA_VERSION)).singleElement()
                .satisfies(v -> assertThat(v.targetVersions())
                        .containsExactly("4.2.x.kraft", "4.3.x.kraft", "4.4.x.kraft"));
        assertThat(compatible).filteredOn(v -> v.sourceVersion().equals("3.8.x.kraft")).singleElement()
                .satisfies(v -> assertThat(v.targetVersions()).containsExactly("3.9.x.kraft", "4.0.x.kraft",
                        Clusters.KAFKA_VERSION, "4.2.x.kraft", "4.3.x.kraft", "4.4.x.kraft"));
        assertThat(compatible).filteredOn(v -> v.sourceVersion().equals("3.6.0")).singleElement()
                .satisfies(v -> assertThat(v.targetVersions()).containsExactly("3.7.x", "3.8.x", "3.9.x"));
        assertThat(compatible).filteredOn(v -> v.sourceVersion().equals("4.4.x.kraft")).singleElement()
                .satisfies(v -> assertThat(v.targetVersions()).isEmpty());
    }

    @Test
    void tagResource_onAnUnknownArn_isNotFound() {
        assertThatThrownBy(() -> kafka.tagResource(r -> r.resourceArn(UNKNOWN_ARN).tags(Map.of("a", "b"))))
                .isInstanceOf(NotFoundException.class);
    }

    private static List<String> subnets(int count) {
        return List.of("subnet-1", "subnet-2", "subnet-3", "subnet-4").subList(0, count);
    }

    private static void assertBadRequest(Runnable call, String messagePart) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(BadRequestException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorMessage()).contains(messagePart);
        });
    }
}
