package io.streamplane.server;

import io.streamplane.core.objects.S3Endpoint;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How the server runs. Every value has an embedded default, an environment variable and a flag.
 *
 * @param endpoint            where and how the API is served
 * @param nodeNetwork         first two octets of the loopback block nodes get addresses from
 * @param kafkaDistributions  directory of the bundled {@code VERSION/libs} Kafka distributions
 * @param kafkaCache          where Kafka releases fetched on first use are kept
 * @param mavenRepository     the Maven repository those releases are fetched from
 * @param additionalAccessKeys more access keys clients may sign with, each with its secret
 * @param stopNodesOnShutdown whether a graceful stop also stops the clusters' nodes
 * @param s3                  a real S3 to keep objects in and forward S3 requests to; empty for the embedded one
 * @param autoscalingSampleInterval how often autoscaled connectors' workers have their CPU use sampled;
 *                            a connector scales after {@value io.streamplane.core.connect.AutoscalingPolicy#SAMPLES}
 *                            samples past a threshold
 * @param maxMemoryMegabytes  how much memory the Kafka nodes' and Connect workers' JVMs may take together
 */
public record ServerConfig(
        EndpointConfig endpoint,
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
        boolean stopNodesOnShutdown,
        Optional<S3Endpoint> s3,
        Duration autoscalingSampleInterval,
        long maxMemoryMegabytes) {

    public static final String DEFAULT_ACCESS_KEY_ID = "test";
    public static final String DEFAULT_SECRET_ACCESS_KEY = "test";
    private static final int MAX_AUTOSCALING_SAMPLE_SECONDS = 300;
    /** Less would not hold the smallest cluster (two brokers and three controllers). */
    private static final long MIN_MEMORY_MEGABYTES = 1024;
    private static final Pattern MEMORY_SIZE = Pattern.compile("(\\d{1,9})\\s*([mMgG])?");

    /**
     * Binding beyond loopback with the well-known default credentials would open the API to anyone,
     * and without TLS would carry its signatures and secrets in the clear.
     */
    public void checkSafeToServe() {
        if (!endpoint.loopbackOnly() && accessKeyId.equals(DEFAULT_ACCESS_KEY_ID)
                && secretAccessKey.equals(DEFAULT_SECRET_ACCESS_KEY)) {
            throw new IllegalArgumentException("Refusing to bind to " + endpoint.bindAddress() + " with the default "
                    + "credentials test/test: set STREAMPLANE_ACCESS_KEY_ID and STREAMPLANE_SECRET_ACCESS_KEY (or "
                    + "--access-key-id and --secret-access-key) first");
        }
        endpoint.checkSafeToServe();
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

    /**
     * The real S3 the flags name, or empty for the embedded one; an endpoint without both credentials,
     * or credentials without an endpoint, are refused.
     */
    public static Optional<S3Endpoint> externalS3(String endpoint, String region, String accessKeyId,
                                                  String secretAccessKey) {
        boolean hasEndpoint = endpoint != null && !endpoint.isBlank();
        boolean hasKey = accessKeyId != null && !accessKeyId.isBlank();
        boolean hasSecret = secretAccessKey != null && !secretAccessKey.isBlank();
        if (!hasEndpoint) {
            if (hasKey || hasSecret) {
                throw new IllegalArgumentException("--s3-access-key-id and --s3-secret-access-key go with --s3-endpoint");
            }
            return Optional.empty();
        }
        if (!hasKey || !hasSecret) {
            throw new IllegalArgumentException("--s3-endpoint needs --s3-access-key-id and --s3-secret-access-key, "
                    + "the credentials the server signs with there");
        }
        URI uri;
        try {
            uri = new URI(endpoint.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("--s3-endpoint must be a URL such as https://s3.us-east-1.amazonaws.com, "
                    + "got '" + endpoint + "'", e);
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("--s3-endpoint must be an http or https URL, got '" + endpoint + "'");
        }
        return Optional.of(new S3Endpoint(uri, region, accessKeyId.strip(), secretAccessKey.strip()));
    }

    /**
     * The {@code --max-memory} flag in MiB: a number of MiB, or a size such as {@code 6g} or
     * {@code 4096m}; empty for the default, three quarters of the machine's memory (or of the
     * container's limit) less this server's own heap.
     */
    public static long maxMemoryMegabytes(String text) {
        if (text == null || text.isBlank()) {
            return defaultMaxMemoryMegabytes();
        }
        var matcher = MEMORY_SIZE.matcher(text.strip());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("--max-memory must be a size such as 6g or 4096m, got '" + text + "'");
        }
        long megabytes = Long.parseLong(matcher.group(1))
                * ("g".equalsIgnoreCase(matcher.group(2)) ? 1024 : 1);
        if (megabytes < MIN_MEMORY_MEGABYTES) {
            throw new IllegalArgumentException("--max-memory must be at least " + MIN_MEMORY_MEGABYTES
                    + " MiB, got " + megabytes + " MiB");
        }
        return megabytes;
    }

    private static long defaultMaxMemoryMegabytes() {
        long total = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getTotalMemorySize() / (1024 * 1024);
        long ownHeap = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        return Math.max(MIN_MEMORY_MEGABYTES, total * 3 / 4 - ownHeap);
    }

    /** The {@code --autoscaling-sample-seconds} flag as an interval, refused outside 1 to 300 seconds. */
    public static Duration autoscalingSampleInterval(int seconds) {
        if (seconds < 1 || seconds > MAX_AUTOSCALING_SAMPLE_SECONDS) {
            throw new IllegalArgumentException("--autoscaling-sample-seconds must be between 1 and "
                    + MAX_AUTOSCALING_SAMPLE_SECONDS + ", got " + seconds);
        }
        return Duration.ofSeconds(seconds);
    }
}
