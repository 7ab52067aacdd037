package io.streamplane.it;

import io.streamplane.testkit.ClientSecurity;
import io.streamplane.testkit.Clusters;
import io.streamplane.testkit.LogSearch;
import io.streamplane.testkit.ServerProcess;
import io.streamplane.testkit.StreamplaneFixture;
import io.streamplane.testkit.TemporaryDirectory;
import io.streamplane.testkit.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kafka.KafkaClient;
import software.amazon.awssdk.services.kafka.model.ClusterState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.SecretsManagerException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * No secret value reaches a log line. A SASL/SCRAM cluster is used as its users use it: a secret
 * associated, a client authenticated, a wrong password tried, the password rotated, once to a value
 * that cannot be used; Secrets Manager is sent values it refuses. Then the server's log and every
 * node's logs are searched for each of those passwords, for the internal passwords the nodes hold
 * and for the CA's private key.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsStayOutOfLogsIT {
    private static final Pattern QUOTED_PASSWORD = Pattern.compile("password=\"([^\"]+)\"");
    private final Path log = Path.of("target", "secrets-in-logs-test-server.log").toAbsolutePath();
    private final Set<String> secretValues = new HashSet<>();
    private TemporaryDirectory work;
    private Path dataDir;
    private ServerProcess server;

    @BeforeAll
    void start() throws IOException {
        work = TemporaryDirectory.create("streamplane-secrets-in-logs");
        dataDir = work.path().resolve("data");
        Files.deleteIfExists(log);
        server = ServerProcess.start(dataDir, StreamplaneFixture.freeNodeNetwork(), log);
    }

    @AfterAll
    void stop() throws Exception {
        try {
            server.stop();
        } finally {
            server.close();
            work.close();
        }
    }

    @Test
    void passwords_keys_andRefusedValues_appearInNoLogLine() throws Exception {
        KafkaClient kafka = StreamplaneFixture.kafkaClient(server.endpoint(), StreamplaneFixture.ACCESS_KEY_ID,
                StreamplaneFixture.SECRET_ACCESS_KEY);
        SecretsManagerClient secrets = StreamplaneFixture.secretsManagerClient(server.endpoint());
        String clusterArn = kafka.createClusterV2(r -> r.clusterName("quiet").provisioned(p -> p
                .kafkaVersion(Clusters.KAFKA_VERSION).numberOfBrokerNodes(2)
                .clientAuthentication(a -> a.sasl(s -> s.scram(c -> c.enabled(true)))
                        .unauthenticated(u -> u.enabled(false)))
                .brokerNodeGroupInfo(b -> b.instanceType("kafka.m5.large").clientSubnets("subnet-1", "subnet-2"))))
                .clusterArn();
        String first = secret("first");
        String alice = secrets.createSecret(r -> r.name("AmazonMSK_alice").secretString(scramValue(first))).arn();
        Clusters.awaitState(kafka, clusterArn, ClusterState.ACTIVE);
        assertThat(kafka.batchAssociateScramSecret(r -> r.clusterArn(clusterArn).secretArnList(alice))
                .unprocessedScramSecrets()).isEmpty();
        String bootstrap = kafka.getBootstrapBrokers(r -> r.clusterArn(clusterArn)).bootstrapBrokerStringSaslScram();
        String ca = StreamplaneFixture.caCertificate(server.endpoint());

        awaitWorking(bootstrap, ca, first);
        try (var admin = Admin.create(ClientSecurity.scram(bootstrap, ca, "alice", secret("wrong")))) {
            assertThatThrownBy(() -> admin.listTopics().names().get(30, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(SaslAuthenticationException.class);
        }
        // Not JSON: the server warns that the value cannot be used, and alice keeps her password.
        String unusable = secret("unusable");
        secrets.putSecretValue(r -> r.secretId(alice).secretString("{\"username\":\"alice\",\"password\":" + unusable));
        String rotated = secret("rotated");
        secrets.putSecretValue(r -> r.secretId(alice).secretString(scramValue(rotated)));
        awaitWorking(bootstrap, ca, rotated);

        String tooLong = secret("too-long");
        assertRefusedWithoutEcho(tooLong, () -> secrets.createSecret(r -> r.name("AmazonMSK_long")
                .secretString(scramValue(tooLong + "x".repeat(65_536)))));
        String both = secret("both");
        assertRefusedWithoutEcho(both, () -> secrets.putSecretValue(r -> r.secretId(alice)
                .secretString(scramValue(both)).secretBinary(SdkBytes.fromUtf8String(both))));
        String unknown = secret("unknown-secret");
        assertRefusedWithoutEcho(unknown, () -> secrets.putSecretValue(r -> r.secretId("AmazonMSK_nobody")
                .secretString(scramValue(unknown))));

        server.stop();
        secretValues.addAll(passwordsInNodeFiles());
        secretValues.add(Files.readString(dataDir.resolve("security").resolve("internal-password")).strip());
        secretValues.addAll(privateKeyLines(dataDir.resolve("security").resolve("ca.key")));
        var logs = new ArrayList<Path>(LogSearch.logsBelow(dataDir));
        assertThat(logs).as("the nodes' logs").hasSizeGreaterThanOrEqualTo(5);
        // The search reads what the logs hold: a broker's address in the nodes' logs, the secret's name in the server's.
        assertThat(LogSearch.linesHolding(List.of(bootstrap.split(",")[0]), logs)).isNotEmpty();
        logs.add(log);
        assertThat(LogSearch.linesHolding(List.of("AmazonMSK_alice"), List.of(log))).isNotEmpty();

        assertThat(LogSearch.linesHolding(secretValues, logs)).isEmpty();
        System.out.printf("Searched %d log files (%d KiB) for %d secret values: none found%n", logs.size(),
                LogSearch.size(logs) / 1024, secretValues.size());
    }

    /** A password no log could hold by chance, remembered to be searched for. */
    private String secret(String what) {
        String value = what + "-" + UUID.randomUUID();
        secretValues.add(value);
        return value;
    }

    private static String scramValue(String password) {
        return "{\"username\":\"alice\",\"password\":\"" + password + "\"}";
    }

    private static void awaitWorking(String bootstrap, String ca, String password) {
        await("alice's password to work").atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            try (var admin = Admin.create(ClientSecurity.scram(bootstrap, ca, "alice", password))) {
                Topics.create(admin, "t-" + UUID.randomUUID(), 1);
            }
        });
    }

    private static void assertRefusedWithoutEcho(String value, Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(SecretsManagerException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.getMessage()).doesNotContain(value);
        });
    }

    /** The passwords written into the nodes' configurations: the cluster's internal password among them. */
    private Set<String> passwordsInNodeFiles() throws IOException {
        var found = new HashSet<String>();
        try (Stream<Path> files = Files.walk(dataDir.resolve("clusters"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".properties")).toList()) {
                var matcher = QUOTED_PASSWORD.matcher(Files.readString(file));
                while (matcher.find()) {
                    found.add(matcher.group(1));
                }
            }
        }
        assertThat(found).as("the nodes' internal password").isNotEmpty();
        return found;
    }

    private static List<String> privateKeyLines(Path pem) throws IOException {
        return Files.readAllLines(pem).stream().filter(l -> !l.startsWith("-----") && l.length() >= 16).toList();
    }
}
