package io.streamplane.agent.node;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the host's counters from the proc file system and writes them in the Prometheus text
 * format under the names the Prometheus node exporter uses, so that dashboards built for MSK's
 * node exporter work unchanged.
 */
final class HostMetrics {
    /** Linux reports CPU time in clock ticks of 1/100 s (USER_HZ) on every platform Kafka runs on. */
    private static final double TICKS_PER_SECOND = 100.0;
    private static final List<String> CPU_MODES =
            List.of("user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal");
    private static final Map<String, String> MEMORY_FIELDS = Map.of(
            "MemTotal", "node_memory_MemTotal_bytes", "MemFree", "node_memory_MemFree_bytes",
            "MemAvailable", "node_memory_MemAvailable_bytes", "Buffers", "node_memory_Buffers_bytes",
            "Cached", "node_memory_Cached_bytes");
    private static final int SECTOR_BYTES = 512;

    private final Path proc;
    private final Path dataDirectory;

    HostMetrics(Path proc, Path dataDirectory) {
        this.proc = proc;
        this.dataDirectory = dataDirectory;
    }

    String scrape() {
        var out = new StringBuilder();
        cpu(out);
        memory(out);
        load(out);
        filesystem(out);
        network(out);
        disks(out);
        return out.toString();
    }

    private void cpu(StringBuilder out) {
        header(out, "node_cpu_seconds_total", "counter", "Seconds the CPUs spent in each mode.");
        for (String line : lines("stat")) {
            String[] f = line.trim().split("\\s+");
            if (f[0].startsWith("cpu") && f[0].length() > 3) {
                String cpu = f[0].substring(3);
                for (int i = 0; i < CPU_MODES.size() && i + 1 < f.length; i++) {
                    out.append("node_cpu_seconds_total{cpu=\"").append(cpu).append("\",mode=\"")
                            .append(CPU_MODES.get(i)).append("\"} ")
                            .append(Long.parseLong(f[i + 1]) / TICKS_PER_SECOND).append('\n');
                }
            }
        }
        for (String line : lines("stat")) {
            if (line.startsWith("btime ")) {
                header(out, "node_boot_time_seconds", "gauge", "Node boot time, in unixtime.");
                out.append("node_boot_time_seconds ").append(line.substring(6).trim()).append('\n');
            }
        }
    }

    private void memory(StringBuilder out) {
        for (String line : lines("meminfo")) {
            int colon = line.indexOf(':');
            String name = colon < 0 ? null : MEMORY_FIELDS.get(line.substring(0, colon));
            if (name != null) {
                long kib = Long.parseLong(line.substring(colon + 1).trim().split("\\s+")[0]);
                header(out, name, "gauge", "Memory information field " + line.substring(0, colon) + ".");
                out.append(name).append(' ').append(kib * 1024).append('\n');
            }
        }
    }

    private void load(StringBuilder out) {
        String[] f = lines("loadavg").get(0).trim().split("\\s+");
        String[] names = {"node_load1", "node_load5", "node_load15"};
        for (int i = 0; i < names.length; i++) {
            header(out, names[i], "gauge", "Load average.");
            out.append(names[i]).append(' ').append(f[i]).append('\n');
        }
    }

    private void filesystem(StringBuilder out) {
        try {
            var store = Files.getFileStore(dataDirectory);
            String labels = "{device=\"" + escape(store.name()) + "\",fstype=\"" + escape(store.type())
                    + "\",mountpoint=\"" + escape(dataDirectory.toString()) + "\"} ";
            header(out, "node_filesystem_size_bytes", "gauge", "Filesystem size in bytes.");
            out.append("node_filesystem_size_bytes").append(labels).append(store.getTotalSpace()).append('\n');
            header(out, "node_filesystem_free_bytes", "gauge", "Filesystem free space in bytes.");
            out.append("node_filesystem_free_bytes").append(labels).append(store.getUnallocatedSpace()).append('\n');
            header(out, "node_filesystem_avail_bytes", "gauge",
                    "Filesystem space available to non-root users in bytes.");
            out.append("node_filesystem_avail_bytes").append(labels).append(store.getUsableSpace()).append('\n');
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the file system of " + dataDirectory, e);
        }
    }

    private void network(StringBuilder out) {
        var received = new StringBuilder();
        var transmitted = new StringBuilder();
        for (String line : lines("net/dev")) {
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue; // the two header lines
            }
            String device = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            received.append("node_network_receive_bytes_total{device=\"").append(device).append("\"} ")
                    .append(f[0]).append('\n');
            transmitted.append("node_network_transmit_bytes_total{device=\"").append(device).append("\"} ")
                    .append(f[8]).append('\n');
        }
        header(out, "node_network_receive_bytes_total", "counter", "Network device statistic receive_bytes.");
        out.append(received);
        header(out, "node_network_transmit_bytes_total", "counter", "Network device statistic transmit_bytes.");
        out.append(transmitted);
    }

    private void disks(StringBuilder out) {
        if (!Files.isReadable(proc.resolve("diskstats"))) {
            return;
        }
        var read = new StringBuilder();
        var written = new StringBuilder();
        for (String line : lines("diskstats")) {
            String[] f = line.trim().split("\\s+");
            if (f.length < 10 || f[2].startsWith("loop") || f[2].startsWith("ram")) {
                continue;
            }
            read.append("node_disk_read_bytes_total{device=\"").append(f[2]).append("\"} ")
                    .append(Long.parseLong(f[5]) * SECTOR_BYTES).append('\n');
            written.append("node_disk_written_bytes_total{device=\"").append(f[2]).append("\"} ")
                    .append(Long.parseLong(f[9]) * SECTOR_BYTES).append('\n');
        }
        header(out, "node_disk_read_bytes_total", "counter", "The total number of bytes read successfully.");
        out.append(read);
        header(out, "node_disk_written_bytes_total", "counter", "The total number of bytes written successfully.");
        out.append(written);
    }

    private List<String> lines(String file) {
        try {
            return Files.readAllLines(proc.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + proc.resolve(file), e);
        }
    }

    private static void header(StringBuilder out, String name, String type, String help) {
        out.append("# HELP ").append(name).append(' ').append(help).append('\n');
        out.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static String escape(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
