package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.security.ClusterSecurity;

/**
 * Multi-VPC private connectivity (connectivityInfo.vpcConnectivity) is recorded only: there are no
 * other VPCs here, and clients from anywhere reach the brokers' own listeners. It is checked as MSK
 * checks it, so that only settings MSK would take are kept: each method it turns on must be on for
 * the cluster, and IAM is refused as everywhere else.
 */
final class VpcConnectivityRule {
    private VpcConnectivityRule() {
    }

    static void check(JsonNode vpc, String path, ClusterSecurity security) {
        JsonNode auth = vpc.path("clientAuthentication");
        if (auth.path("sasl").path("iam").path("enabled").asBoolean(false)) {
            throw new InvalidRequest(path + ".clientAuthentication.sasl.iam", "IAM access control needs AWS's "
                    + "identity service, which Streamplane does not have");
        }
        if (auth.path("sasl").path("scram").path("enabled").asBoolean(false) && !security.scram()) {
            throw new InvalidRequest(path + ".clientAuthentication.sasl.scram", "SASL/SCRAM can be on for private "
                    + "connectivity only when it is on for the cluster (clientAuthentication.sasl.scram)");
        }
        if (auth.path("tls").path("enabled").asBoolean(false) && !security.mutualTls()) {
            throw new InvalidRequest(path + ".clientAuthentication.tls", "TLS client authentication can be on for "
                    + "private connectivity only when it is on for the cluster (clientAuthentication.tls)");
        }
    }
}
