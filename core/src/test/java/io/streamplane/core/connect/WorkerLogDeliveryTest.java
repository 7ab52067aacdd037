package io.streamplane.core.connect;

import io.streamplane.core.objects.ObjectStorage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The copying decisions only: the workers and S3 are stand-ins here; ConnectorsIT copies real logs to S3. */
class WorkerLogDeliveryTest {
    @TempDir
    Path logs;

    private final List<String> uploads = new ArrayList<>();

    @Test
    void aLogFile_isCopiedWhenItChanged_andNotAgainWhileItStaysTheSame() throws IOException {
        Path log = Files.writeString(logs.resolve("connect.log"), "started\n");
        var delivery = new WorkerLogDelivery(workersWithLogs(List.of(log)), storage(), Clock.systemUTC(), Duration.ZERO);
        var connector = connector();

        delivery.deliver(connector);
        delivery.deliver(connector);
        assertThat(uploads).containsExactly("logs/connect/orders/worker-0/connect.log");

        Files.writeString(log, "running\n", StandardOpenOption.APPEND);
        delivery.deliver(connector);
        assertThat(uploads).hasSize(2);

        delivery.forget(connector.arn());
        delivery.deliver(connector);
        assertThat(uploads).as("a connector forgotten starts afresh").hasSize(3);
    }

    private ConnectWorkers workersWithLogs(List<Path> files) {
        return (ConnectWorkers) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ConnectWorkers.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("logFiles")) {
                        return files;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private ObjectStorage storage() {
        return (ObjectStorage) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[]{ObjectStorage.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("upload")) {
                        uploads.add(args[1] + "/" + args[2]);
                        return null;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static Connector connector() {
        var spec = new ConnectorSpec(ConnectorCapacity.provisioned(1, 1), Map.of("connector.class", "X"),
                "127.1.1.1:9092", List.of("subnet-1"), List.of(), "NONE", "PLAINTEXT", "3.7.x",
                Optional.of(new S3LogDelivery("logs", "/connect/")),
                "arn:aws:kafkaconnect:us-east-1:000000000000:custom-plugin/p/p-1", 1, Optional.empty(),
                Optional.empty(), "arn:aws:iam::000000000000:role/r", "IPV4");
        return new Connector("arn:aws:kafkaconnect:us-east-1:000000000000:connector/orders/u-1", "orders", "",
                Instant.EPOCH, ConnectorState.RUNNING, Optional.empty(), "K1", spec,
                List.of(new ConnectWorker(0, 1, Instant.EPOCH, 8083, "uuid")));
    }
}
