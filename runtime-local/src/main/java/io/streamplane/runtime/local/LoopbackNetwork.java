package io.streamplane.runtime.local;

import io.streamplane.core.node.NodeAddress;
import io.streamplane.core.node.NodeRole;
import io.streamplane.core.security.ZooKeeperPorts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;

/**
 * Gives every node its own loopback address (Linux routes all of 127.0.0.0/8 to lo), so that every
 * broker listens on MSK's own port 9092. A cluster owns the block {@code PREFIX.SLOT.0/24}: brokers
 * at {@code .ID}, controllers or ZooKeeper's servers at {@code .2xx}.
 */
public final class LoopbackNetwork {
    public static final int BROKER_PORT = 9092;
    public static final int CONTROLLER_PORT = 9093;
    private static final int MAX_SLOT = 254;
    private final String prefix;

    /** @param prefix the first two octets, e.g. {@code 127.1} */
    public LoopbackNetwork(String prefix) {
        if (!prefix.matches("127\\.\\d{1,3}")) {
            throw new IllegalArgumentException("The node network must look like 127.N, got " + prefix);
        }
        this.prefix = prefix;
    }

    public NodeAddress addressFor(int slot, NodeRole role, int nodeId) {
        return switch (role) {
            case BROKER -> new NodeAddress(prefix + "." + slot + "." + nodeId, BROKER_PORT);
            case CONTROLLER -> new NodeAddress(quorumHost(slot, nodeId), CONTROLLER_PORT);
            case ZOOKEEPER -> new NodeAddress(quorumHost(slot, nodeId), ZooKeeperPorts.CLIENT);
        };
    }

    /** The quorum's nodes (controllers, or ZooKeeper's servers) at {@code .2xx}, above every broker's address. */
    private String quorumHost(int slot, int nodeId) {
        return prefix + "." + slot + "." + (200 + nodeId % 50);
    }

    /** The lowest slot that no cluster has and whose first broker address is free on this machine. */
    public int reserveSlot(Set<Integer> taken) {
        for (int slot = 1; slot <= MAX_SLOT; slot++) {
            if (!taken.contains(slot) && isFree(addressFor(slot, NodeRole.BROKER, 1))) {
                return slot;
            }
        }
        throw new IllegalStateException("Every node address block under " + prefix + " is in use");
    }

    private static boolean isFree(NodeAddress address) {
        try (var socket = new ServerSocket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(address.host()), address.port()));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
