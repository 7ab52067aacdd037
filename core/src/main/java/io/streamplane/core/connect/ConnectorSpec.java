package io.streamplane.core.connect;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a connector was asked to be: its capacity, its Kafka Connect configuration, the Kafka
 * cluster it works with and how, the plugin and worker configuration it runs with, and where
 * its worker logs go.
 *
 * @param encryptionType   PLAINTEXT or TLS to the Kafka cluster
 * @param s3LogDelivery    the bucket and prefix worker logs are copied to, when delivery to S3 is on
 */
public record ConnectorSpec(ConnectorCapacity capacity, Map<String, String> connectorConfiguration,
                            String bootstrapServers, List<String> subnets, List<String> securityGroups,
                            String authenticationType, String encryptionType, String kafkaConnectVersion,
                            Optional<S3LogDelivery> s3LogDelivery, String pluginArn, long pluginRevision,
                            Optional<String> workerConfigurationArn, Optional<Long> workerConfigurationRevision,
                            String serviceExecutionRoleArn, String networkType) {
    public ConnectorSpec {
        connectorConfiguration = Map.copyOf(connectorConfiguration);
        subnets = List.copyOf(subnets);
        securityGroups = List.copyOf(securityGroups);
    }

    public ConnectorSpec withCapacity(ConnectorCapacity newCapacity) {
        return new ConnectorSpec(newCapacity, connectorConfiguration, bootstrapServers, subnets, securityGroups,
                authenticationType, encryptionType, kafkaConnectVersion, s3LogDelivery, pluginArn, pluginRevision,
                workerConfigurationArn, workerConfigurationRevision, serviceExecutionRoleArn, networkType);
    }

    public ConnectorSpec withConnectorConfiguration(Map<String, String> newConfiguration) {
        return new ConnectorSpec(capacity, newConfiguration, bootstrapServers, subnets, securityGroups,
                authenticationType, encryptionType, kafkaConnectVersion, s3LogDelivery, pluginArn, pluginRevision,
                workerConfigurationArn, workerConfigurationRevision, serviceExecutionRoleArn, networkType);
    }
}
