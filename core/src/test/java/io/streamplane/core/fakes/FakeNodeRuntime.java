package io.streamplane.core.fakes;

import io.streamplane.core.node.KafkaRelease;
import io.streamplane.core.node.NodeAddress;
import io.streamplane.core.node.NodeLaunchSpec;
import io.streamplane.core.node.NodeProcess;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.node.NodeRuntime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Test fake: a node runtime that starts no process. It offers the releases it is given, hands out
 * addresses as the loopback runtime does, and keeps "processes" as records that run until stopped,
 * so that services which only decide and record can be tested without Kafka.
 */
public final class FakeNodeRuntime implements NodeRuntime {
    private final List<KafkaRelease> releases;
    private final Map<Long, NodeProcess> running = new ConcurrentHashMap<>();
    private final AtomicLong pids = new AtomicLong(1000);

    public FakeNodeRuntime(String... apacheVersions) {
        this.releases = List.of(apacheVersions).stream().map(KafkaRelease::new).toList();
    }

    @Override
    public List<KafkaRelease> availableReleases() {
        return releases;
    }

    @Override
    public void install(KafkaRelease release) {
    }

    @Override
    public int reserveNetworkSlot(Set<Integer> taken) {
        int slot = 1;
        while (taken.contains(slot)) {
            slot++;
        }
        return slot;
    }

    @Override
    public NodeAddress addressFor(int networkSlot, NodeRole role, int nodeId) {
        return role == NodeRole.BROKER ? new NodeAddress("127.0." + networkSlot + "." + nodeId, 9092)
                : new NodeAddress("127.0." + networkSlot + "." + (200 + nodeId % 50), 9093);
    }

    @Override
    public void prepare(List<NodeLaunchSpec> nodes) {
    }

    @Override
    public boolean hasData(String clusterUuid, int nodeId) {
        return true;
    }

    @Override
    public long dataBytes(String clusterUuid, int nodeId) {
        return 0;
    }

    @Override
    public void reconfigure(List<NodeLaunchSpec> nodes) {
    }

    @Override
    public NodeProcess start(NodeLaunchSpec node) {
        var process = new NodeProcess(pids.incrementAndGet(), Instant.now());
        running.put(process.pid(), process);
        return process;
    }

    @Override
    public Optional<NodeProcess> findRunning(String clusterUuid, int nodeId) {
        return Optional.empty();
    }

    @Override
    public boolean hasMigratedMetadata(String clusterUuid, int nodeId) {
        return false; // no ZooKeeper cluster is migrated on the fake runtime
    }

    @Override
    public boolean hasStarted(String clusterUuid, int nodeId, NodeProcess process) {
        return isRunning(process);
    }

    @Override
    public boolean isRunning(NodeProcess process) {
        return process.equals(running.get(process.pid()));
    }

    @Override
    public void stop(NodeProcess process, Duration timeout) {
        running.remove(process.pid());
    }

    @Override
    public String logLocation(String clusterUuid, int nodeId) {
        return "(no logs: test fake)";
    }

    @Override
    public String recentLog(String clusterUuid, int nodeId) {
        return "";
    }

    @Override
    public void deleteClusterFiles(String clusterUuid) {
    }

    @Override
    public void deleteNodeFiles(String clusterUuid, int nodeId) {
    }
}
