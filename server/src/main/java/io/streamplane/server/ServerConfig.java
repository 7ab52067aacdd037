package io.streamplane.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * How the server runs. Every value has an embedded default, an environment variable and a flag.
 *
 * @param nodeNetwork         first two octets of the loopback block nodes get addresses from
 * @param kafkaDistributions  directory of the bundled {@code VERSION/libs} Kafka distributions
 * @param kafkaCache          where Kafka releases fetched on first use are kept
 * @param mavenRepository     the Maven repository those releases are fetched from
 * @param additionalAccessKeys more access keys clients may sign with, each with its secret
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
        Map<String, String> additionalAccessKeys,
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

    /** Every access key clients may sign with, and its secret. */
    public Map<String, String> accessKeys() {
        var keys = new LinkedHashMap<>(additionalAccessKeys);
        keys.put(accessKeyId, secretAccessKey);
        return keys;
    }

    /**
     * Reads {@code KEY:SECRET,KEY:SECRET}, as the {@code --access-keys} flag takes them; a pair without
     * both parts is refused, naming it (without its secret).
     */
    public static Map<String, String> parseAccessKeys(String text) {
        var keys = new LinkedHashMap<String, String>();
        if (text == null || text.isBlank()) {
            return keys;
        }
        for (String pair : text.split(",")) {
            int colon = pair.indexOf(':');
            if (colon <= 0 || colon == pair.length() - 1) {
                String key = colon < 0 ? pair.strip() : pair.substring(0, colon).strip();
                throw new IllegalArgumentException("--access-keys takes KEY:SECRET pairs separated by commas; the pair "
                        + "for '" + key + "' has no " + (colon <= 0 ? "access key or " : "") + "secret");
            }
            keys.put(pair.substring(0, colon).strip(), pair.substring(colon + 1).strip());
        }
        return keys;
    }

    public String endpoint(int actualPort) {
        return "http://" + bindAddress + ":" + actualPort;
    }
}
