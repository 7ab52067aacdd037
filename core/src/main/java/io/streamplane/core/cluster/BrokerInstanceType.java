package io.streamplane.core.cluster;

import io.streamplane.core.error.InvalidRequest;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * MSK's Standard broker sizes. On this machine a broker gets a heap in proportion to the size's
 * memory (64 MiB per GiB, between 256 MiB and 2 GiB) and request threads in proportion to its
 * vCPUs, so bigger types really are bigger.
 */
public record BrokerInstanceType(String name, int vcpus, int memoryGiB) {
    private static final Map<String, BrokerInstanceType> KNOWN = catalogue();

    public static BrokerInstanceType of(String name) {
        return of(name, "instanceType");
    }

    /** @param field the request member the type came in, named if the type is unknown */
    public static BrokerInstanceType of(String name, String field) {
        var type = KNOWN.get(name);
        if (type == null) {
            throw new InvalidRequest(field, "Unsupported " + field + " [" + name + "]. Valid values: "
                    + KNOWN.keySet());
        }
        return type;
    }

    public int heapMegabytes() {
        return Math.max(256, Math.min(2048, memoryGiB * 64));
    }

    /**
     * The broker's request handler and network threads: MSK's defaults (8 and 5) up to four vCPUs,
     * then two handler threads and one network thread per vCPU. A custom configuration that sets
     * them wins.
     */
    public Map<String, String> threadProperties() {
        return Map.of("num.io.threads", Integer.toString(Math.max(8, 2 * vcpus)),
                "num.network.threads", Integer.toString(Math.max(5, vcpus)));
    }

    private static Map<String, BrokerInstanceType> catalogue() {
        var types = new LinkedHashMap<String, BrokerInstanceType>();
        add(types, "kafka.t3.small", 2, 2);
        for (String family : new String[] {"m5", "m7g"}) {
            add(types, "kafka." + family + ".large", 2, 8);
            add(types, "kafka." + family + ".xlarge", 4, 16);
            add(types, "kafka." + family + ".2xlarge", 8, 32);
            add(types, "kafka." + family + ".4xlarge", 16, 64);
            add(types, "kafka." + family + ".8xlarge", 32, 128);
            add(types, "kafka." + family + ".12xlarge", 48, 192);
            add(types, "kafka." + family + ".16xlarge", 64, 256);
        }
        add(types, "kafka.m5.24xlarge", 96, 384);
        return Map.copyOf(types);
    }

    private static void add(Map<String, BrokerInstanceType> types, String name, int vcpus, int memoryGiB) {
        types.put(name, new BrokerInstanceType(name, vcpus, memoryGiB));
    }
}
