package io.streamplane.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Hands out loopback blocks (127.100 to 127.199) for test servers' nodes, so that they never meet a
 * hand-run server on 127.1 nor a server of another test JVM. A JVM claims a block with a lock on a
 * file every JVM of this machine sees, and keeps it until it exits; the operating system lets the
 * lock go however it exits. A JVM takes a block nobody holds while there is one, and only then
 * takes again the block it used longest ago, whose server has long stopped.
 */
final class NodeNetworks {
    private static final int FIRST = 100;
    private static final int COUNT = 100;
    private static final Path LOCKS = Path.of(System.getProperty("java.io.tmpdir"), "streamplane-test-node-networks");
    /** The blocks this JVM holds, the one it used longest ago first. */
    private static final Map<Integer, FileLock> HELD = new LinkedHashMap<>();
    private static int cursor = ThreadLocalRandom.current().nextInt(COUNT);

    private NodeNetworks() {
    }

    static synchronized String claim() {
        for (int tried = 0; tried < COUNT; tried++) {
            int block = FIRST + cursor;
            cursor = (cursor + 1) % COUNT;
            if (!HELD.containsKey(block) && tryLock(block)) {
                return "127." + block;
            }
        }
        if (HELD.isEmpty()) {
            throw new IllegalStateException("Every loopback block from 127." + FIRST + " to 127." + (FIRST + COUNT - 1)
                    + " is held by other test JVMs (lock files in " + LOCKS + ")");
        }
        int oldest = HELD.keySet().iterator().next();
        HELD.put(oldest, HELD.remove(oldest));
        return "127." + oldest;
    }

    private static boolean tryLock(int block) {
        try {
            Files.createDirectories(LOCKS);
            var channel = FileChannel.open(LOCKS.resolve(block + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                return false;
            }
            HELD.put(block, lock);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot claim loopback block 127." + block + " in " + LOCKS, e);
        }
    }
}
