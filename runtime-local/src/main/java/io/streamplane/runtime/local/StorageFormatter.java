package io.streamplane.runtime.local;

import java.io.PrintStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Formats the storage of several Kafka nodes in one JVM, where kafka-storage.sh would start one JVM
 * per node. Runs on the classpath of the Kafka release being formatted, and reaches Kafka's own
 * StorageTool by reflection so that this class compiles against no particular Kafka version.
 *
 * <p>Arguments: the Kafka cluster id, then one server.properties path per node.
 */
public final class StorageFormatter {
    private StorageFormatter() {
    }

    public static void main(String[] args) throws ReflectiveOperationException {
        if (args.length < 2) {
            System.err.println("usage: StorageFormatter CLUSTER_ID SERVER_PROPERTIES...");
            System.exit(2);
        }
        Class<?> storageTool = Class.forName("kafka.tools.StorageTool");
        for (int i = 1; i < args.length; i++) {
            // "--cluster-id=ID" in one word: an id that starts with '-' would otherwise be read as an option.
            String[] format = {"format", "--cluster-id=" + args[0], "--config", args[i], "--ignore-formatted"};
            try {
                int status = execute(storageTool, format);
                if (status != 0) {
                    System.err.println("Formatting " + args[i] + " failed with status " + status);
                    System.exit(status);
                }
            } catch (InvocationTargetException e) {
                System.err.println("Formatting " + args[i] + " failed");
                e.getCause().printStackTrace();
                System.exit(1);
            }
        }
        System.exit(0);
    }

    /** Kafka 3.9 and later take the stream to print to; 3.7 and 3.8 print to standard output. */
    private static int execute(Class<?> storageTool, String[] format) throws ReflectiveOperationException {
        try {
            Method execute = storageTool.getMethod("execute", String[].class, PrintStream.class);
            return (Integer) execute.invoke(null, format, System.out);
        } catch (NoSuchMethodException e) {
            Method execute = storageTool.getMethod("execute", String[].class);
            return (Integer) execute.invoke(null, (Object) format);
        }
    }
}
