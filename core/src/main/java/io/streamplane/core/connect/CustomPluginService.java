package io.streamplane.core.connect;

import io.streamplane.core.Ids;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.objects.ObjectStorage;
import io.streamplane.core.tag.TagRules;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * MSK Connect's custom plugins. Creation checks at once what can be checked at once (the object
 * exists and is a ZIP or JAR); the plugin is then CREATING while its file is fetched, installed
 * and inspected by Kafka Connect in the background, and ACTIVE once it offers a connector, or
 * CREATE_FAILED saying why not.
 */
public final class CustomPluginService implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CustomPluginService.class);
    /** Every ZIP, and so every JAR, starts with a local file header. */
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    private final ServiceIdentity identity;
    private final ConnectStore store;
    private final ObjectStorage objects;
    private final ConnectPlugins plugins;
    private final Predicate<String> inUse;
    private final Ids ids;
    private final Clock clock;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private volatile boolean closing;
    private final ExecutorService inspections = Executors.newSingleThreadExecutor(r -> {
        var thread = new Thread(r, "custom-plugin-inspection");
        thread.setDaemon(true);
        return thread;
    });

    /** @param inUse whether a connector uses the plugin of the given ARN, which may then not go */
    public CustomPluginService(ServiceIdentity identity, ConnectStore store, ObjectStorage objects,
                               ConnectPlugins plugins, Predicate<String> inUse, Ids ids, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.objects = objects;
        this.plugins = plugins;
        this.inUse = inUse;
        this.ids = ids;
        this.clock = clock;
    }

    public synchronized CustomPlugin create(String name, Optional<String> description, PluginContentType contentType,
                                            S3ObjectLocation location, Map<String, String> tagsToAdd) {
        TagRules.check(tagsToAdd, ConnectorService.MAX_TAGS, "tags");
        if (store.listCustomPlugins().stream().anyMatch(p -> p.name().equals(name))) {
            throw new Conflict("A custom plugin named " + name + " already exists");
        }
        String field = "location.s3Location";
        long size = objects.size(location.bucket(), location.fileKey(), location.objectVersion())
                .orElseThrow(() -> new InvalidRequest(field + ".fileKey", "There is no object " + location
                        + "; upload the plugin first"));
        byte[] start = objects.firstBytes(location.bucket(), location.fileKey(), location.objectVersion(),
                ZIP_MAGIC.length);
        if (size < ZIP_MAGIC.length || !Arrays.equals(start, ZIP_MAGIC)) {
            throw new InvalidRequest("contentType", "The object " + location + " is not a " + contentType
                    + " file (a ZIP or JAR archive); a custom plugin must be one");
        }
        var plugin = new CustomPlugin(identity.connectArn("custom-plugin", name, ids.resourceUuid()), name,
                description.orElse(""), contentType, location, clock.instant(), CustomPluginState.CREATING,
                Optional.empty(), Optional.empty(), List.of());
        store.createCustomPlugin(plugin, tagsToAdd);
        inspections.execute(() -> inspect(plugin));
        return plugin;
    }

    public CustomPlugin describe(String arn) {
        return store.findCustomPlugin(arn).orElseThrow(() -> new NotFound("The custom plugin " + arn
                + " does not exist"));
    }

    public Page<CustomPlugin> list(Optional<String> namePrefix, Optional<Integer> maxResults,
                                   Optional<String> nextToken) {
        var matching = store.listCustomPlugins().stream()
                .filter(p -> namePrefix.map(prefix -> p.name().startsWith(prefix)).orElse(true)).toList();
        return Page.of(matching, maxResults, nextToken);
    }

    /** Removes the plugin and its files; refused while a connector uses it, which would lose its code. */
    public synchronized CustomPlugin delete(String arn) {
        var plugin = describe(arn);
        if (inUse.test(arn)) {
            throw new InvalidRequest("customPluginArn", "The custom plugin " + arn + " is used by a connector; "
                    + "delete the connector first");
        }
        store.deleteCustomPlugin(arn);
        plugins.uninstall(plugin.uuid());
        return plugin.deleting();
    }

    /** Inspects again the plugins a stopped server left CREATING. */
    public void resumeInspections() {
        store.listCustomPlugins().stream().filter(p -> p.state() == CustomPluginState.CREATING)
                .forEach(p -> inspections.execute(() -> inspect(p)));
    }

    private void inspect(CustomPlugin plugin) {
        CustomPlugin outcome;
        try {
            var target = plugins.downloadTarget(plugin.uuid());
            var location = plugin.location();
            objects.download(location.bucket(), location.fileKey(), location.objectVersion(), target);
            var file = describeFile(target);
            var connectors = plugins.install(plugin.uuid(), plugin.contentType());
            outcome = connectors.isEmpty()
                    ? plugin.failed(new StateDescription("NO_CONNECTOR_FOUND", "Kafka Connect finds no source or "
                            + "sink connector in " + location + "; a plugin must contain a class that implements "
                            + "org.apache.kafka.connect.source.SourceConnector or "
                            + "org.apache.kafka.connect.sink.SinkConnector"))
                    : plugin.active(file, connectors);
        } catch (IllegalArgumentException e) {
            outcome = plugin.failed(new StateDescription("INVALID_PLUGIN", e.getMessage()));
        } catch (RuntimeException e) {
            if (closing) {
                // A stop is no failure of the plugin: it stays CREATING and the next start inspects it again.
                LOG.info("Inspection of the custom plugin {} stopped with the server; it resumes at the next start",
                        plugin.name());
                return;
            }
            LOG.error("Inspecting the custom plugin {} failed", plugin.arn(), e);
            outcome = plugin.failed(new StateDescription("PLUGIN_INSPECTION_FAILED", "The plugin could not be read: "
                    + e.getMessage()));
        }
        synchronized (this) {
            if (closing) {
                return;
            }
            if (store.findCustomPlugin(plugin.arn()).isEmpty()) {
                // Deleted while it was being inspected: its files were laid out after the deletion removed them.
                plugins.uninstall(plugin.uuid());
                return;
            }
            store.updateCustomPlugin(outcome);
        }
        LOG.info("Custom plugin {} is {}{}", plugin.name(), outcome.state(),
                outcome.stateDescription().map(d -> ": " + d.message()).orElse(""));
    }

    private static PluginFile describeFile(Path file) {
        var digest = md5();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            long size = in.transferTo(OutputStream.nullOutputStream());
            return new PluginFile(HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the downloaded plugin " + file, e);
        }
    }

    private static MessageDigest md5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is unavailable", e);
        }
    }

    @Override
    public void close() {
        closing = true;
        inspections.shutdownNow();
        try {
            // so that no inspection still writes once the store behind it closes
            if (!inspections.awaitTermination(CLOSE_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.warn("A custom plugin inspection did not stop within {} s", CLOSE_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
