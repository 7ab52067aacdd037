package io.streamplane.server;

import io.streamplane.core.objects.S3Endpoint;
import io.streamplane.runtime.local.KafkaDistributions;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** The command line: {@code streamplane up} runs the server in the foreground until stopped. */
@Command(name = "streamplane", mixinStandardHelpOptions = true, subcommands = Main.Up.class,
        description = "A self-hosted Amazon MSK: the MSK API over real Apache Kafka clusters.")
public final class Main {

    public static void main(String[] args) {
        System.exit(new CommandLine(new Main()).execute(args));
    }

    @Command(name = "up", mixinStandardHelpOptions = true,
            description = "Run the server in the foreground; Ctrl-C or SIGTERM stops it and its Kafka nodes.")
    static final class Up implements Callable<Integer> {
        @Option(names = "--port", defaultValue = "${env:STREAMPLANE_PORT:-4566}",
                description = "HTTP port of the MSK API (env STREAMPLANE_PORT, default ${DEFAULT-VALUE}).")
        int port;

        @Option(names = "--bind", defaultValue = "${env:STREAMPLANE_BIND:-127.0.0.1}",
                description = "Address to listen on (env STREAMPLANE_BIND, default ${DEFAULT-VALUE}).")
        String bind;

        @Option(names = "--metrics-port", defaultValue = "${env:STREAMPLANE_METRICS_PORT:-4567}",
                description = "Port of the Prometheus page /metrics, served on 127.0.0.1 only (env STREAMPLANE_METRICS_PORT, "
                        + "default ${DEFAULT-VALUE}; 0 picks a free one).")
        int metricsPort;

        @Option(names = "--tls", defaultValue = "false",
                description = "Serve HTTPS with a certificate from this installation's CA (GET /ca.pem, or "
                        + "<data-dir>/security/ca.crt), made at each start for the addresses served.")
        boolean tls;

        @Option(names = "--tls-cert", defaultValue = "${env:STREAMPLANE_TLS_CERT}",
                description = "Serve HTTPS with this PEM certificate chain, leaf first (env STREAMPLANE_TLS_CERT); with --tls-key.")
        Path tlsCertificate;

        @Option(names = "--tls-key", defaultValue = "${env:STREAMPLANE_TLS_KEY}",
                description = "The PKCS#8 PEM private key of --tls-cert (env STREAMPLANE_TLS_KEY).")
        Path tlsKey;

        @Option(names = "--insecure-http", defaultValue = "false",
                description = "Allow plain HTTP when binding beyond loopback (refused otherwise).")
        boolean insecureHttp;

        @Option(names = "--data-dir", defaultValue = "${env:STREAMPLANE_DATA_DIR:-${sys:user.home}/.streamplane}",
                description = "Where state, node data and logs live (env STREAMPLANE_DATA_DIR, default ${DEFAULT-VALUE}).")
        Path dataDir;

        @Option(names = "--region", defaultValue = "${env:STREAMPLANE_REGION:-us-east-1}",
                description = "Region this server acts as (env STREAMPLANE_REGION, default ${DEFAULT-VALUE}).")
        String region;

        @Option(names = "--account-id", defaultValue = "${env:STREAMPLANE_ACCOUNT_ID:-000000000000}",
                description = "Account id in ARNs (env STREAMPLANE_ACCOUNT_ID, default ${DEFAULT-VALUE}).")
        String accountId;

        @Option(names = "--access-key-id", defaultValue = "${env:STREAMPLANE_ACCESS_KEY_ID:-test}",
                description = "Access key id clients sign with (env STREAMPLANE_ACCESS_KEY_ID, default ${DEFAULT-VALUE}).")
        String accessKeyId;

        @Option(names = "--secret-access-key", defaultValue = "${env:STREAMPLANE_SECRET_ACCESS_KEY:-test}",
                description = "Secret key clients sign with (env STREAMPLANE_SECRET_ACCESS_KEY, default test).")
        String secretAccessKey;

        @Option(names = "--access-keys", defaultValue = "${env:STREAMPLANE_ACCESS_KEYS:-}",
                description = "More access keys clients may sign with, as KEY:SECRET,KEY:SECRET (env STREAMPLANE_ACCESS_KEYS).")
        String accessKeys;

        @Option(names = "--jdbc-url", defaultValue = "${env:STREAMPLANE_JDBC_URL}",
                description = "PostgreSQL JDBC URL for the state (env STREAMPLANE_JDBC_URL; default: H2 under the data dir).")
        String jdbcUrl;

        @Option(names = "--jdbc-user", defaultValue = "${env:STREAMPLANE_JDBC_USER:-}",
                description = "Database user (env STREAMPLANE_JDBC_USER).")
        String jdbcUser;

        @Option(names = "--jdbc-password", defaultValue = "${env:STREAMPLANE_JDBC_PASSWORD:-}",
                description = "Database password (env STREAMPLANE_JDBC_PASSWORD).")
        String jdbcPassword;

        @Option(names = "--node-network", defaultValue = "${env:STREAMPLANE_NODE_NETWORK:-127.1}",
                description = "Loopback block for Kafka nodes, as 127.N (env STREAMPLANE_NODE_NETWORK, default ${DEFAULT-VALUE}).")
        String nodeNetwork;

        @Option(names = "--kafka-distributions",
                defaultValue = "${env:STREAMPLANE_KAFKA_DISTRIBUTIONS:-${sys:streamplane.kafka.distributions:-kafka-dist/target/kafka}}",
                description = "Directory of Kafka distributions, VERSION/libs (env STREAMPLANE_KAFKA_DISTRIBUTIONS).")
        Path kafkaDistributions;

        @Option(names = "--kafka-cache", defaultValue = "${env:STREAMPLANE_KAFKA_CACHE}",
                description = "Where Kafka releases fetched on first use are kept (env STREAMPLANE_KAFKA_CACHE; "
                        + "default: cache/kafka under the data dir).")
        Path kafkaCache;

        @Option(names = "--maven-repository", defaultValue = "${env:STREAMPLANE_MAVEN_REPOSITORY}",
                description = "Maven repository Kafka releases are fetched from (env STREAMPLANE_MAVEN_REPOSITORY; "
                        + "default: Maven Central).")
        String mavenRepository;

        @Option(names = "--leave-nodes-running", defaultValue = "false",
                description = "On stop, leave the Kafka nodes running; the next start adopts them.")
        boolean leaveNodesRunning;

        @Option(names = "--s3-endpoint", defaultValue = "${env:STREAMPLANE_S3_ENDPOINT}",
                description = "A real S3 to keep objects in and forward S3 requests to (env STREAMPLANE_S3_ENDPOINT; "
                        + "default: the embedded S3, with objects under the data dir).")
        String s3Endpoint;

        @Option(names = "--s3-region", defaultValue = "${env:STREAMPLANE_S3_REGION}",
                description = "Region of that S3 (env STREAMPLANE_S3_REGION; default: --region).")
        String s3Region;

        @Option(names = "--s3-access-key-id", defaultValue = "${env:STREAMPLANE_S3_ACCESS_KEY_ID}",
                description = "Access key id the server signs with at that S3 (env STREAMPLANE_S3_ACCESS_KEY_ID).")
        String s3AccessKeyId;

        @Option(names = "--s3-secret-access-key", defaultValue = "${env:STREAMPLANE_S3_SECRET_ACCESS_KEY}",
                description = "Its secret (env STREAMPLANE_S3_SECRET_ACCESS_KEY).")
        String s3SecretAccessKey;

        @Option(names = "--autoscaling-sample-seconds", defaultValue = "${env:STREAMPLANE_AUTOSCALING_SAMPLE_SECONDS:-10}",
                description = "How often autoscaled connectors' worker CPU is sampled; they scale after 3 samples past "
                        + "a threshold (env STREAMPLANE_AUTOSCALING_SAMPLE_SECONDS, default ${DEFAULT-VALUE}).")
        int autoscalingSampleSeconds;

        @Option(names = "--max-memory", defaultValue = "${env:STREAMPLANE_MAX_MEMORY:-}",
                description = "Memory the Kafka nodes and Connect workers may take together, such as 12g (env "
                        + "STREAMPLANE_MAX_MEMORY; default: three quarters of the machine's, less the server's heap).")
        String maxMemory;

        @Override
        public Integer call() throws InterruptedException {
            Map<String, String> additionalKeys;
            Optional<S3Endpoint> s3;
            Duration autoscalingSampleInterval;
            EndpointConfig endpoint;
            long maxMemoryMegabytes;
            try {
                endpoint = new EndpointConfig(bind, port, metricsPort, EndpointConfig.tls(tls,
                        Optional.ofNullable(tlsCertificate), Optional.ofNullable(tlsKey)), insecureHttp);
                additionalKeys = ServerConfig.parseAccessKeys(accessKeys);
                autoscalingSampleInterval = ServerConfig.autoscalingSampleInterval(autoscalingSampleSeconds);
                maxMemoryMegabytes = ServerConfig.maxMemoryMegabytes(maxMemory);
                s3 = ServerConfig.externalS3(s3Endpoint, Optional.ofNullable(s3Region).orElse(region), s3AccessKeyId,
                        s3SecretAccessKey);
            } catch (IllegalArgumentException e) {
                System.err.println("streamplane: cannot start: " + e.getMessage());
                return 1;
            }
            var config = new ServerConfig(endpoint, dataDir.toAbsolutePath(), region, accountId, accessKeyId,
                    secretAccessKey, additionalKeys, Optional.ofNullable(jdbcUrl).filter(u -> !u.isBlank()), jdbcUser, jdbcPassword,
                    nodeNetwork, kafkaDistributions.toAbsolutePath(),
                    Optional.ofNullable(kafkaCache).orElse(dataDir.resolve("cache").resolve("kafka")).toAbsolutePath(),
                    Optional.ofNullable(mavenRepository).filter(u -> !u.isBlank())
                            .orElse(KafkaDistributions.defaultMavenRepository()),
                    !leaveNodesRunning, s3, autoscalingSampleInterval, maxMemoryMegabytes);
            StreamplaneServer server;
            try {
                server = StreamplaneServer.create(config);
            } catch (RuntimeException e) {
                // Bad settings, a busy port, a data directory another server holds: say so, no stack trace.
                System.err.println("streamplane: cannot start: " + rootMessage(e));
                return 1;
            }
            var stopped = new CountDownLatch(1);
            // In place before the server starts, so that a SIGTERM at any moment still stops the nodes.
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                server.close();
                stopped.countDown();
            }, "shutdown"));
            try {
                server.start();
            } catch (RuntimeException e) {
                System.err.println("streamplane: cannot start: " + rootMessage(e));
                return 1;
            }
            System.out.printf("%nStreamplane is ready: %s (region %s, account %s, data in %s)%n", server.endpoint(),
                    region, accountId, config.dataDir());
            // A certificate of the installation's CA is trusted through the CA's own certificate.
            String caBundle = endpoint.tls() instanceof EndpointConfig.Tls.FromInstallationCa
                    ? " AWS_CA_BUNDLE=" + config.dataDir().resolve("security").resolve("ca.crt") : "";
            System.out.printf("Try:%n  export AWS_ACCESS_KEY_ID=%s AWS_SECRET_ACCESS_KEY=%s AWS_DEFAULT_REGION=%s%s%n"
                    + "  aws --endpoint-url %s kafka list-kafka-versions%n%nMetrics for Prometheus: %s%n%n", accessKeyId,
                    accessKeyId.equals(ServerConfig.DEFAULT_ACCESS_KEY_ID) ? "test" : "...", region, caBundle,
                    server.endpoint(), server.metricsEndpoint());
            stopped.await();
            return 0;
        }

        private static String rootMessage(Throwable e) {
            Throwable cause = e;
            while (cause.getCause() != null && cause.getCause() != cause) {
                cause = cause.getCause();
            }
            String message = cause == e ? e.getMessage() : e.getMessage() + " (" + cause.getMessage() + ")";
            return message.lines().findFirst().orElse(message);
        }
    }
}
