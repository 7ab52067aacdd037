package io.streamplane.core.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * CreateConnector as the service takes it: the request's members, read but not yet checked.
 *
 * @param plugins          the plugins named, as (ARN, revision); MSK Connect takes exactly one
 * @param unsupportedLogDelivery the member of a log delivery asked for that cannot be had here
 *                               (CloudWatch Logs, Firehose), if any
 */
public record CreateConnectorCommand(String name, Optional<String> description, ConnectorCapacity capacity,
                                     Map<String, String> connectorConfiguration, String bootstrapServers,
                                     List<String> subnets, List<String> securityGroups, String authenticationType,
                                     String encryptionType, String kafkaConnectVersion,
                                     Optional<S3LogDelivery> s3LogDelivery, Optional<String> unsupportedLogDelivery,
                                     List<Map.Entry<String, Long>> plugins, Optional<String> workerConfigurationArn,
                                     Optional<Long> workerConfigurationRevision, String serviceExecutionRoleArn,
                                     String networkType, Map<String, String> tags) {
}
