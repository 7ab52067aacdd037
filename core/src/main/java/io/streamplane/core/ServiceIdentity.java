package io.streamplane.core;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/** The region and account this server acts as; every ARN it issues carries them. */
public record ServiceIdentity(String region, String accountId) {

    public String clusterArn(String clusterName, String clusterUuid) {
        return prefix() + "cluster/" + clusterName + "/" + clusterUuid;
    }

    public String clusterOperationArn(String clusterName, String clusterUuid, String operationUuid) {
        return prefix() + "cluster-operation/" + clusterName + "/" + clusterUuid + "/" + operationUuid;
    }

    public String configurationArn(String configurationName, String uuid) {
        return prefix() + "configuration/" + configurationName + "/" + uuid;
    }

    public String brokerArn(String clusterName, String clusterUuid, int brokerId) {
        return prefix() + "broker/" + clusterName + "/" + clusterUuid + "/" + brokerId;
    }

    public String topicArn(String clusterName, String clusterUuid, String topicName) {
        return prefix() + "topic/" + clusterName + "/" + clusterUuid + "/" + topicName;
    }

    /** Secrets Manager's form: the name, then '-' and six random characters, so a re-made name gets a new ARN. */
    public String secretArn(String secretName, String suffix) {
        return "arn:aws:secretsmanager:" + region + ":" + accountId + ":secret:" + secretName + "-" + suffix;
    }

    public String certificateAuthorityArn(String id) {
        return "arn:aws:acm-pca:" + region + ":" + accountId + ":certificate-authority/" + id;
    }

    /** An MSK Connect ARN, e.g. {@code ...:kafkaconnect:...:custom-plugin/NAME/UUID}. */
    public String connectArn(String resourceType, String name, String uuid) {
        return "arn:aws:kafkaconnect:" + region + ":" + accountId + ":" + resourceType + "/" + name + "/" + uuid;
    }

    /**
     * The AWS-managed KMS key (alias {@code aws/kafka}) MSK names as a cluster's encryption at rest
     * when the cluster names none: one per account and region, so the same here for every cluster.
     */
    public String awsManagedKafkaKeyArn() {
        var id = UUID.nameUUIDFromBytes(("aws/kafka:" + accountId + ":" + region).getBytes(StandardCharsets.UTF_8));
        return "arn:aws:kms:" + region + ":" + accountId + ":key/" + id;
    }

    private String prefix() {
        return "arn:aws:kafka:" + region + ":" + accountId + ":";
    }
}
