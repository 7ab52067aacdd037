package io.streamplane.agent.node;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class HostMetricsTest {

    @Test
    void readsTheCountersUnderTheNodeExportersNames(@TempDir Path proc) throws Exception {
        Files.writeString(proc.resolve("stat"), """
                cpu  300 0 100 1000 20 0 5 0 0 0
                cpu0 150 0 50 500 10 0 3 0 0 0
                btime 1764000000
                """);
        Files.writeString(proc.resolve("meminfo"), """
                MemTotal:       2048 kB
                MemFree:        1024 kB
                MemAvailable:   1536 kB
                SwapTotal:      0 kB
                """);
        Files.writeString(proc.resolve("loadavg"), "0.50 0.25 0.10 1/79 29820\n");
        Files.createDirectories(proc.resolve("net"));
        Files.writeString(proc.resolve("net/dev"), """
                Inter-|   Receive                                                |  Transmit
                 face |bytes    packets errs drop fifo frame compressed multicast|bytes    packets errs drop fifo colls carrier compressed
                    lo:  4096 2 0 0 0 0 0 0  8192 3 0 0 0 0 0 0
                """);
        Files.writeString(proc.resolve("diskstats"), "   8       0 sda 10 0 20 0 30 0 40 0 0 0 0\n"
                + "   7       0 loop0 1 0 1 0 1 0 1 0 0 0 0\n");

        String text = new HostMetrics(proc, proc).scrape();

        assertThat(text).contains("node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} 1.5\n")
                .contains("node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 5.0\n")
                .doesNotContain("cpu=\"\"")
                .contains("node_boot_time_seconds 1764000000\n")
                .contains("node_memory_MemTotal_bytes 2097152\n")
                .contains("node_memory_MemAvailable_bytes 1572864\n")
                .doesNotContain("Swap")
                .contains("node_load1 0.50\n")
                .contains("node_network_receive_bytes_total{device=\"lo\"} 4096\n")
                .contains("node_network_transmit_bytes_total{device=\"lo\"} 8192\n")
                .contains("node_disk_read_bytes_total{device=\"sda\"} 10240\n")
                .contains("node_disk_written_bytes_total{device=\"sda\"} 20480\n")
                .doesNotContain("loop0")
                .containsPattern("node_filesystem_avail_bytes\\{device=\"[^\"]*\",fstype=\"[^\"]*\",mountpoint=\""
                        + proc + "\"} \\d+");
    }

    @Test
    void everyLineOfARealScrapeIsACommentOrASample(@TempDir Path dataDir) {
        String text = new HostMetrics(Path.of("/proc"), dataDir).scrape();

        assertThat(text.lines()).isNotEmpty().allSatisfy(line -> assertThat(line)
                .matches("# (HELP|TYPE) .*|[a-zA-Z_0-9]+(\\{[^}]*})? -?[0-9.eE+]+"));
        assertThat(text).contains("node_cpu_seconds_total{", "node_memory_MemAvailable_bytes ",
                "node_filesystem_avail_bytes{");
    }
}
