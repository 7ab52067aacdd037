package io.streamplane.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * How the server runs. Every value has an embedded default, an environment variable and a flag.
 *
 * @param nodeNetwork         first two octets of the loopback block nodes get addresses from
 * @param kafkaDistributions  directory of the bundled {@code VERSION/libs} Kafka distributions
 * @param kafkaCache          where Kafka releases fetched on first use are kept
 * @param mavenRepository     the Maven repository those releases are fetched from
 * @param stopNodesOnShutdown whether a graceful stop also stops the clusters' nodes
 */
public record ServerConfig(
        String bindAddress,
        int port,
        Path dataDir,
        String region,
        String accountId,
        String accessKeyId,
        String secretAccessKey,
        Optional<String> jdbcUrl,
        String jdbcUser,
        String jdbcPassword,
        String nodeNetwork,
        Path kafkaDistributions,
        Path kafkaCache,
        String mavenRepository,
        boolean stopNodesOnShutdown) {

    public static final String DEFAULT_ACCESS_KEY_ID = "test";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "test";

    /** Binding beyond loopback with the well-known default credentials would open the API to anyone. */
    public void checkSafeToServe() {
        boolean loopback;
        try {
            loopback = InetAddress.getByName(bindAddress).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("Cannot resolve the bind address " + bindAddress, e);
        }
        if (!loopback && accessKeyId.equals(DEFAULT_ACCESS_KEY_ID)
                && secretAccessKey.equals(DEFAULT_SECRET_ACCESS_KEY)) {
            throw new IllegalArgumentException("Refusing to bind to " + bindAddress + " with the default credentials "
                    + "test/test: set STREAMPLANE_ACCESS_KEY_ID and STREAMPLANE_SECRET_ACCESS_KEY (or --access-key-id "
                    + "and --secret-access-key) first");
        }
    }

    public String endpoint(int actualPort) {
        return "http://" + bindAddress + ":" + actualPort;
    }
}
