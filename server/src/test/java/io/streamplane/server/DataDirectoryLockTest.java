package io.streamplane.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DataDirectoryLockTest {

    @Test
    void aHeldDirectory_isRefusedNamingItsHolder_untilReleased(@TempDir Path dataDir) {
        var first = DataDirectoryLock.acquire(dataDir, "http://127.0.0.1:4566");
        assertThatThrownBy(() -> DataDirectoryLock.acquire(dataDir, "http://127.0.0.1:4570"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Another Streamplane server uses the data directory " + dataDir + ": pid "
                        + ProcessHandle.current().pid() + ", serving http://127.0.0.1:4566, since ");
        first.close();
        DataDirectoryLock.acquire(dataDir, "http://127.0.0.1:4570").close();
    }
}
