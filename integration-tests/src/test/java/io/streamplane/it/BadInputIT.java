package io.streamplane.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.testkit.StreamplaneFixture;
import org.apache.kafka.connect.file.FileStreamSinkConnector;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.acmpca.AcmPcaClient;
import software.amazon.awssdk.services.acmpca.model.CertificateAuthorityType;
import software.amazon.awssdk.services.acmpca.model.KeyAlgorithm;
import software.amazon.awssdk.services.acmpca.model.SigningAlgorithm;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafkaconnect.KafkaConnectClient;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginContentType;
import software.amazon.awssdk.services.kafkaconnect.model.CustomPluginState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The bad-input suite: for every operation of every service the endpoint serves, each member of its
 * input in turn made bad in every way its shape allows (see {@link BadInputs}), sent as a client
 * generated from the model would send it. Every call must be refused with a 4xx that names the
 * member, none may answer 5xx, and the state read before and after must be the same.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputIT {
    private static final String UNKNOWN_CLUSTER =
            "arn:aws:kafka:us-east-1:000000000000:cluster/none/00000000-0000-0000-0000-000000000000-1";
    private static final String UNKNOWN_CONNECTOR =
            "arn:aws:kafkaconnect:us-east-1:000000000000:connector/none/00000000-0000-0000-0000-000000000000-1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private StreamplaneFixture streamplane;
    private KafkaClient kafka;
    private KafkaConnectClient connect;
    private SecretsManagerClient secrets;
    private AcmPcaClient privateCa;
    private String configurationArn;
    private String pluginArn;
    private String workerConfigurationArn;
    private String secretArn;
    private String authorityArn;

    @BeforeAll
    void createOneResourceOfEachKind() throws Exception {
        streamplane = StreamplaneFixture.start();
        kafka = streamplane.kafkaClient();
        connect = streamplane.kafkaConnectClient();
        secrets = streamplane.secretsManagerClient();
        privateCa = streamplane.privateCaClient();
        configurationArn = kafka.createConfiguration(r -> r.name("bad-input").kafkaVersions("4.1.x.kraft")
                .serverProperties(software.amazon.awssdk.core.SdkBytes.fromUtf8String("auto.create.topics.enable=true")))
                .arn();
        secretArn = secrets.createSecret(r -> r.name("AmazonMSK_bad-input")
                .secretString("{\"username\":\"alice\",\"password\":\"alice-secret\"}")).arn();
        authorityArn = privateCa.createCertificateAuthority(r -> r.certificateAuthorityType(CertificateAuthorityType.ROOT)
                .certificateAuthorityConfiguration(c -> c.keyAlgorithm(KeyAlgorithm.EC_PRIME256_V1)
                        .signingAlgorithm(SigningAlgorithm.SHA256_WITHECDSA).subject(s -> s.commonName("Bad input CA"))))
                .certificateAuthorityArn();
        var s3 = streamplane.s3Client();
        s3.createBucket(r -> r.bucket("plugins"));
        byte[] jar = Files.readAllBytes(Path.of(FileStreamSinkConnector.class.getProtectionDomain()
                .getCodeSource().getLocation().toURI()));
        s3.putObject(r -> r.bucket("plugins").key("file.jar"), RequestBody.fromBytes(jar));
        pluginArn = connect.createCustomPlugin(r -> r.name("bad-input").contentType(CustomPluginContentType.JAR)
                .location(l -> l.s3Location(s -> s.bucketArn("arn:aws:s3:::plugins").fileKey("file.jar"))))
                .customPluginArn();
        // settled first, or its inspection ending mid-suite would read as a change the bad inputs made
        await().atMost(Duration.ofSeconds(60)).until(() -> connect.describeCustomPlugin(r -> r.customPluginArn(pluginArn))
                .customPluginState() == CustomPluginState.ACTIVE);
        String converters = "key.converter=org.apache.kafka.connect.storage.StringConverter\n"
                + "value.converter=org.apache.kafka.connect.storage.StringConverter\n";
        workerConfigurationArn = connect.createWorkerConfiguration(r -> r.name("bad-input").propertiesFileContent(
                Base64.getEncoder().encodeToString(converters.getBytes(StandardCharsets.UTF_8))))
                .workerConfigurationArn();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void everyBadMember_ofEveryOperation_isRefusedNamingIt_andChangesNothing() throws Exception {
        String before = snapshot();
        var tally = new Tally();
        run(tally, "kafka", Map.of("clusterArn", UNKNOWN_CLUSTER, "arn", configurationArn,
                "resourceArn", configurationArn, "kafkaVersion", "4.1.x.kraft", "kafkaVersions", "4.1.x.kraft",
                "instanceType", "kafka.m5.large", "secretArnList", secretArn, "currentVersion", "K3AEGXETSR30VB"),
                Map.of("CreateClusterV2", """
                {"provisioned": {"kafkaVersion": "4.1.x.kraft", "numberOfBrokerNodes": 3, "brokerNodeGroupInfo": {
                  "instanceType": "kafka.m5.large", "clientSubnets": ["subnet-1", "subnet-2", "subnet-3"]}}}"""));
        run(tally, "kafkaconnect", Map.of("connectorArn", UNKNOWN_CONNECTOR, "customPluginArn", pluginArn,
                "workerConfigurationArn", workerConfigurationArn, "resourceArn", pluginArn,
                "bucketArn", "arn:aws:s3:::plugins", "fileKey", "file.jar"));
        run(tally, "secretsmanager", Map.of("SecretId", "AmazonMSK_bad-input"));
        run(tally, "acm-pca", Map.of("CertificateAuthorityArn", authorityArn, "ResourceArn", authorityArn,
                "CertificateArn", authorityArn + "/certificate/0123456789abcdef"));
        System.out.println(tally.report());

        assertThat(tally.failures).as("calls that were not refused as they should be").isEmpty();
        assertThat(tally.calls).as("bad inputs tried").isGreaterThan(1000);
        assertThat(snapshot()).as("the state after the bad inputs").isEqualTo(before);
    }

    private void run(Tally tally, String service, Map<String, String> known) throws Exception {
        run(tally, service, known, Map.of());
    }

    /** @param bases for operations whose rules need more than their required members, a valid base */
    private void run(Tally tally, String service, Map<String, String> known, Map<String, String> bases)
            throws Exception {
        var model = ServiceModel.load("/aws-models/" + service + ".service.json");
        var calls = new ModelCalls(model, streamplane.endpoint());
        var inputs = new BadInputs(model, known);
        for (OperationModel operation : model.operations()) {
            if (operation.inputShape().isEmpty()) {
                continue;
            }
            var base = (ObjectNode) JSON.readTree(bases.getOrDefault(operation.name(), "{}"));
            for (var mutation : inputs.of(operation.inputShape().get(), base)) {
                var response = calls.send(operation, mutation.input());
                tally.calls++;
                int status = response.statusCode();
                if (status == 501 || response.body().contains("is not implemented by this Streamplane server")) {
                    tally.unserved.add(service + ":" + operation.name());
                    break;
                }
                String where = service + ":" + operation.name() + " " + mutation.member() + " " + mutation.kind();
                if (status >= 500) {
                    tally.failures.add(where + " answered " + status + ": " + response.body());
                } else if (!mutation.mustBeNamed()) {
                    tally.allowedValues++;
                } else if (status < 400) {
                    tally.failures.add(where + " was accepted with " + status + ": " + response.body());
                } else if (!names(response.body(), mutation)) {
                    tally.failures.add(where + " answered " + status + " without naming it: " + response.body());
                } else {
                    tally.refused.merge(service, 1, Integer::sum);
                }
            }
        }
        tally.freeText += inputs.freeTextSkipped();
        tally.bodyLimit += inputs.bodyLimitSkipped();
    }

    /** MSK's errors name the member in invalidParameter; the others can only in their message. */
    private static boolean names(String body, BadInputs.Mutation mutation) throws IOException {
        String leaf = mutation.leaf().toLowerCase(Locale.ROOT);
        var named = JSON.readTree(body).path("invalidParameter");
        if (named.isTextual()) {
            return named.asText().toLowerCase(Locale.ROOT).contains(leaf);
        }
        return body.toLowerCase(Locale.ROOT).contains(leaf);
    }

    /** What every bad input might have changed, read through the public API. */
    private String snapshot() throws Exception {
        var state = new TreeMap<String, String>();
        state.put("clusters", kafka.listClustersV2(r -> { }).toString());
        state.put("configurations", kafka.listConfigurations(r -> { }).toString());
        state.put("revisions", kafka.listConfigurationRevisions(r -> r.arn(configurationArn)).toString());
        state.put("configurationTags", kafka.listTagsForResource(r -> r.resourceArn(configurationArn)).toString());
        state.put("secrets", secrets.listSecrets(r -> { }).toString());
        state.put("secret", secrets.describeSecret(r -> r.secretId(secretArn)).toString());
        state.put("secretValue", secrets.getSecretValue(r -> r.secretId(secretArn)).secretString());
        state.put("authorities", privateCa.listCertificateAuthorities(r -> { }).toString());
        state.put("plugins", connect.listCustomPlugins(r -> { }).toString());
        state.put("pluginTags", connect.listTagsForResource(r -> r.resourceArn(pluginArn)).toString());
        state.put("workerConfigurations", connect.listWorkerConfigurations(r -> { }).toString());
        state.put("connectors", connect.listConnectors(r -> { }).toString());
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(state);
    }

    private static final class Tally {
        final List<String> failures = new ArrayList<>();
        final List<String> unserved = new ArrayList<>();
        final Map<String, Integer> refused = new TreeMap<>();
        int calls;
        int allowedValues;
        int freeText;
        int bodyLimit;

        String report() {
            return "Bad-input suite: " + calls + " calls, refused naming the member " + refused
                    + ", numbers the model allows and the service took or refused without a 5xx: " + allowedValues
                    + ", operations not served: " + unserved.size()
                    + "; not sent: line breaks and non-ASCII in free text " + freeText
                    + ", blobs beyond the body limit " + bodyLimit + "; failures: " + failures.size()
                    + (failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures.subList(0,
                    Math.min(200, failures.size()))));
        }
    }
}
