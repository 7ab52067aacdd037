package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamplane.core.error.InvalidRequest;

/**
 * Provisioned storage throughput is EBS's, and broker volumes here are local disk: turning it on
 * is refused, and so is a throughput figure, which would otherwise be accepted and dropped.
 */
final class ProvisionedThroughputRule {
    private ProvisionedThroughputRule() {
    }

    /** @param path the wire path of the {@code provisionedThroughput} member */
    static void refuse(JsonNode throughput, String path) {
        if (throughput.path("enabled").asBoolean(false)) {
            throw new InvalidRequest(path, "Provisioned storage throughput is not supported: broker volumes are "
                    + "local disk");
        }
        if (throughput.has("volumeThroughput")) {
            throw new InvalidRequest(path + ".volumeThroughput", "volumeThroughput applies only to provisioned "
                    + "storage throughput, which is not supported: broker volumes are local disk");
        }
    }
}
