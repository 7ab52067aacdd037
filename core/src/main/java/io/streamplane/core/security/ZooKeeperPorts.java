package io.streamplane.core.security;

/** The ports a ZooKeeper server listens on, on its own address: MSK's client ports, ZooKeeper's quorum ports. */
public final class ZooKeeperPorts {
    public static final int CLIENT = 2181;
    public static final int CLIENT_TLS = 2182;
    /** Followers talk to the leader here. */
    public static final int QUORUM = 2888;
    /** Servers elect the leader here. */
    public static final int ELECTION = 3888;

    private ZooKeeperPorts() {
    }
}
