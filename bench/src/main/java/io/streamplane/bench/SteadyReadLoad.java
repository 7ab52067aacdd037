package io.streamplane.bench;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.kafka.KafkaClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Reads sent at a fixed rate, whether or not earlier ones were answered: request {@code i} is due
 * at {@code i / rate} seconds, and its latency counts from then, so a server that falls behind
 * shows it rather than slowing the load down.
 */
final class SteadyReadLoad {
    private final KafkaClient kafka;
    private final String clusterArn;
    private final int rate;
    private final int callers;

    SteadyReadLoad(KafkaClient kafka, String clusterArn, int rate, int callers) {
        this.kafka = kafka;
        this.clusterArn = clusterArn;
        this.rate = rate;
        this.callers = callers;
    }

    /** Latencies in nanoseconds per operation, and the calls that failed. */
    record Figures(long[] describe, long[] list, long errors, double seconds) {
        void print(String phase) {
            System.out.printf("  %s: %d calls in %.1f s, %d errors%n", phase, describe.length + list.length, seconds,
                    errors);
            line("DescribeClusterV2", describe);
            line("ListClustersV2", list);
        }

        private static void line(String operation, long[] sorted) {
            System.out.printf("    %-18s p50 %6.2f ms   p99 %6.2f ms   max %6.2f ms%n", operation,
                    percentile(sorted, 0.50), percentile(sorted, 0.99), percentile(sorted, 1.0));
        }

        private static double percentile(long[] sorted, double fraction) {
            if (sorted.length == 0) {
                return Double.NaN;
            }
            int index = (int) Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1);
            return sorted[Math.max(0, index)] / 1e6;
        }
    }

    Figures run(Duration length) throws InterruptedException {
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        long end = start + length.toNanos();
        var next = new AtomicLong();
        var errors = new AtomicLong();
        var describe = new ConcurrentLinkedQueue<Long>();
        var list = new ConcurrentLinkedQueue<Long>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < callers; t++) {
            var caller = new Thread(() -> {
                for (long i = next.getAndIncrement(); start + i * period < end; i = next.getAndIncrement()) {
                    long due = start + i * period;
                    // Pacing a load generator, not waiting on a condition: each call has its moment.
                    LockSupport.parkNanos(due - System.nanoTime());
                    boolean describes = i % 2 == 0;
                    try {
                        if (describes) {
                            kafka.describeClusterV2(r -> r.clusterArn(clusterArn));
                        } else {
                            kafka.listClustersV2(r -> { });
                        }
                        (describes ? describe : list).add(System.nanoTime() - due);
                    } catch (SdkException e) {
                        errors.incrementAndGet();
                    }
                }
            }, "caller-" + t);
            caller.start();
            threads.add(caller);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Figures(sorted(describe), sorted(list), errors.get(), seconds);
    }

    private static long[] sorted(ConcurrentLinkedQueue<Long> latencies) {
        long[] values = latencies.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(values);
        return values;
    }
}
