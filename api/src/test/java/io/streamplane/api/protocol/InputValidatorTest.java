package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.ServiceModel;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InputValidatorTest {
    private static final ServiceModel MODEL = ServiceModel.load("/aws-models/kafka.service.json");
    private final InputValidator validator = new InputValidator(MODEL);

    @Test
    void validate_acceptsAWellFormedCreateClusterV2() {
        assertThatCode(() -> validator.validate("CreateClusterV2Request", json(validCreate("kafka.m5.large", 3))))
                .doesNotThrowAnyException();
    }

    @Test
    void validate_namesAMissingRequiredMemberByItsPath() {
        var input = json("{\"clusterName\":\"c\",\"provisioned\":{\"kafkaVersion\":\"4.1.x.kraft\","
                + "\"numberOfBrokerNodes\":3}}");

        assertBadRequest(input, "provisioned.brokerNodeGroupInfo", "provisioned.brokerNodeGroupInfo is required");
    }

    @Test
    void validate_refusesANumberOutOfTheModelledRange() {
        assertBadRequest(json(validCreate("kafka.m5.large", 16)), "provisioned.numberOfBrokerNodes",
                "provisioned.numberOfBrokerNodes must be at most 15, got 16");
    }

    @Test
    void validate_refusesAStringShorterThanTheModelAllows() {
        assertBadRequest(json(validCreate("m5", 3)), "provisioned.brokerNodeGroupInfo.instanceType",
                "provisioned.brokerNodeGroupInfo.instanceType must have at least 5 characters, got 2");
    }

    @Test
    void validate_refusesAValueOutsideAnEnum() {
        var input = json("{\"clusterName\":\"c\",\"provisioned\":{\"kafkaVersion\":\"4.1.x.kraft\","
                + "\"numberOfBrokerNodes\":3,\"storageMode\":\"FAST\",\"brokerNodeGroupInfo\":{\"instanceType\":"
                + "\"kafka.m5.large\",\"clientSubnets\":[\"a\",\"b\",\"c\"]}}}");

        assertBadRequest(input, "provisioned.storageMode", "provisioned.storageMode must be one of");
    }

    @Test
    void validate_refusesAWrongJsonType() {
        var input = json("{\"clusterName\":\"c\",\"provisioned\":{\"kafkaVersion\":\"4.1.x.kraft\","
                + "\"numberOfBrokerNodes\":\"three\",\"brokerNodeGroupInfo\":{\"instanceType\":"
                + "\"kafka.m5.large\",\"clientSubnets\":[\"a\",\"b\",\"c\"]}}}");

        assertBadRequest(input, "provisioned.numberOfBrokerNodes", "must be a whole number");
    }

    @Test
    void validate_appliesTheModelPattern() {
        var input = json("{\"replicatorName\":\"-bad\"}");

        assertThatThrownBy(() -> validator.validate("CreateReplicatorRequest.replicatorName", input))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> validator.validate("__stringMin1Max128Pattern09AZaZ09AZaZ0",
                input.get("replicatorName")))
                .isInstanceOfSatisfying(ApiException.class,
                        e -> assertThat(e.error().message()).contains("must match the pattern"));
    }

    @Test
    void validate_boundsAStringTheModelLeavesUnbounded() {
        var input = json("{\"name\":\"c\",\"serverProperties\":\"YQ==\",\"description\":\""
                + "d".repeat(TextRules.UNBOUNDED_MAX + 1) + "\"}");

        assertBadRequest("CreateConfigurationRequest", input, "description", "description must have at most 1024 characters, got 1025");
    }

    @Test
    void validate_refusesControlCharactersAnywhere_andLineBreaksOrNonAsciiOutsideFreeText() {
        assertBadRequest(json(validCreate("kafka.m5.large", 3).replace("\"a\"", "\"a\\u001b[2J\"")),
                "provisioned.brokerNodeGroupInfo.clientSubnets[0]", "must not contain control characters");
        assertBadRequest(json(validCreate("kafka.m5.large", 3).replace("\"a\"", "\"a\\nb\"")),
                "provisioned.brokerNodeGroupInfo.clientSubnets[0]", "must hold printable ASCII characters only");
        assertBadRequest(json(validCreate("kafka.m5.large", 3).replace("\"a\"", "\"café\"")),
                "provisioned.brokerNodeGroupInfo.clientSubnets[0]", "must hold printable ASCII characters only");
        assertThatCode(() -> validator.validate("CreateConfigurationRequest", json("{\"name\":\"c\","
                + "\"serverProperties\":\"YQ==\",\"description\":\"Café\\nsecond line\"}")))
                .as("a description is free text").doesNotThrowAnyException();
    }

    @Test
    void validate_checksMapKeys_andLetTagsHoldAnyLetter() {
        String withTags = validCreate("kafka.m5.large", 3).replaceFirst("\\{", "{\"tags\":%s,");
        assertBadRequest(json(withTags.formatted("{\"te\\u0000am\":\"x\"}")), "tags",
                "tags must not contain control characters");
        assertThatCode(() -> validator.validate("CreateClusterV2Request",
                json(withTags.formatted("{\"équipe\":\"données\"}")))).doesNotThrowAnyException();
    }

    @Test
    void validate_boundsWhatABlobDecodesTo() {
        String properties = java.util.Base64.getEncoder().encodeToString(new byte[TextRules.BLOB_MAX + 1]);
        assertBadRequest("CreateConfigurationRequest", json("{\"name\":\"c\",\"serverProperties\":\"" + properties
                + "\"}"), "serverProperties",
                "serverProperties must decode to at most 100000 bytes, got 100001");
    }

    private void assertBadRequest(JsonNode input, String field, String message) {
        assertBadRequest("CreateClusterV2Request", input, field, message);
    }

    private void assertBadRequest(String shape, JsonNode input, String field, String message) {
        assertThatThrownBy(() -> validator.validate(shape, input))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.error().status()).isEqualTo(400);
                    assertThat(e.error().type()).isEqualTo("BadRequestException");
                    assertThat(e.error().invalidParameter()).contains(field);
                    assertThat(e.error().message()).contains(message);
                });
    }

    private static String validCreate(String instanceType, int brokers) {
        return "{\"clusterName\":\"demo\",\"provisioned\":{\"kafkaVersion\":\"4.1.x.kraft\",\"numberOfBrokerNodes\":"
                + brokers + ",\"brokerNodeGroupInfo\":{\"instanceType\":\"" + instanceType
                + "\",\"clientSubnets\":[\"a\",\"b\",\"c\"],\"storageInfo\":{\"ebsStorageInfo\":{\"volumeSize\":100}}}}}";
    }

    private static JsonNode json(String text) {
        try {
            return new ObjectMapper().readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(e);
        }
    }
}
