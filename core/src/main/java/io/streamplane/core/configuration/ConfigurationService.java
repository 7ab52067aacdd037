package io.streamplane.core.configuration;

import io.streamplane.core.Ids;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.kafka.KafkaVersion;
import io.streamplane.core.kafka.KafkaVersionCatalog;
import io.streamplane.core.kafka.MetadataMode;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * MSK configurations: named sets of broker properties with immutable, numbered revisions. Only
 * properties MSK lets customers set are accepted, and a configuration a cluster uses cannot go.
 */
public final class ConfigurationService {
    /** MSK's quotas: configurations per account and revisions per configuration. */
    public static final int MAX_CONFIGURATIONS = 100;
    public static final int MAX_REVISIONS = 50;
    private static final Pattern NAME = Pattern.compile("[0-9A-Za-z][0-9A-Za-z-]*");

    private final ServiceIdentity identity;
    private final ConfigurationStore store;
    private final Function<String, List<String>> clustersUsing;
    private final KafkaVersionCatalog versions;
    private final Ids ids;
    private final Clock clock;

    /**
     * @param clustersUsing the names of the clusters whose spec names a configuration ARN: such a
     *                      configuration can't be deleted
     */
    public ConfigurationService(ServiceIdentity identity, ConfigurationStore store,
                                Function<String, List<String>> clustersUsing, KafkaVersionCatalog versions, Ids ids,
                                Clock clock) {
        this.identity = identity;
        this.store = store;
        this.clustersUsing = clustersUsing;
        this.versions = versions;
        this.ids = ids;
        this.clock = clock;
    }

    public synchronized Configuration create(String name, Optional<String> description, List<String> kafkaVersions,
                                             String serverProperties) {
        if (name.length() > 64 || !NAME.matcher(name).matches()) {
            throw new InvalidRequest("name", "name must be 1 to 64 letters, digits and hyphens, starting with a "
                    + "letter or digit, got '" + name + "'");
        }
        kafkaVersions.forEach(v -> versions.requireKnown("kafkaVersions", v));
        requireForModes(ServerProperties.parseAndValidate(serverProperties), kafkaVersions);
        var existing = store.listConfigurations();
        if (existing.stream().anyMatch(c -> c.name().equals(name))) {
            throw new Conflict("A configuration named " + name + " already exists");
        }
        if (existing.size() >= MAX_CONFIGURATIONS) {
            throw new InvalidRequest("An account can have at most " + MAX_CONFIGURATIONS + " configurations");
        }
        var now = clock.instant();
        var first = new ConfigurationRevision(1, description.orElse(""), now, serverProperties);
        var configuration = new Configuration(identity.configurationArn(name, ids.resourceUuid()), name,
                description.orElse(""), kafkaVersions, now, ConfigurationState.ACTIVE, first);
        store.createConfiguration(configuration);
        return configuration;
    }

    public boolean exists(String arn) {
        return store.findConfiguration(arn).isPresent();
    }

    public Configuration describe(String arn) {
        return store.findConfiguration(arn).orElseThrow(() -> new NotFound("The configuration " + arn
                + " does not exist"));
    }

    public ConfigurationRevision describeRevision(String arn, long revision) {
        describe(arn);
        return store.findConfigurationRevision(arn, revision).orElseThrow(() -> new NotFound(
                "The configuration " + arn + " has no revision " + revision));
    }

    public Page<Configuration> list(Optional<Integer> maxResults, Optional<String> nextToken) {
        return Page.of(store.listConfigurations(), maxResults, nextToken);
    }

    public Page<ConfigurationRevision> revisions(String arn, Optional<Integer> maxResults, Optional<String> nextToken) {
        describe(arn);
        return Page.of(store.configurationRevisions(arn), maxResults, nextToken);
    }

    public synchronized Configuration update(String arn, Optional<String> description, String serverProperties) {
        var configuration = describe(arn);
        requireForModes(ServerProperties.parseAndValidate(serverProperties), configuration.kafkaVersions());
        long next = configuration.latestRevision().revision() + 1;
        if (next > MAX_REVISIONS) {
            throw new InvalidRequest("A configuration can have at most " + MAX_REVISIONS + " revisions");
        }
        var revision = new ConfigurationRevision(next, description.orElse(""), clock.instant(), serverProperties);
        store.addConfigurationRevision(arn, revision);
        return configuration.withLatestRevision(revision);
    }

    public synchronized Configuration delete(String arn) {
        var configuration = describe(arn);
        var users = clustersUsing.apply(arn);
        if (!users.isEmpty()) {
            throw new InvalidRequest("arn", "You can't delete a configuration that's attached to a cluster; "
                    + "it is used by " + users);
        }
        store.deleteConfiguration(arn);
        return new Configuration(configuration.arn(), configuration.name(), configuration.description(),
                configuration.kafkaVersions(), configuration.creationTime(), ConfigurationState.DELETING,
                configuration.latestRevision());
    }

    /** Checks that a cluster on {@code kafkaVersion} may run with the referenced revision. */
    public void requireUsable(ConfigurationRef ref, String kafkaVersion) {
        var configuration = store.findConfiguration(ref.arn()).orElseThrow(() -> new InvalidRequest(
                "configurationInfo.arn", "The configuration " + ref.arn() + " does not exist"));
        if (store.findConfigurationRevision(ref.arn(), ref.revision()).isEmpty()) {
            throw new InvalidRequest("configurationInfo.revision", "The configuration " + ref.arn()
                    + " has no revision " + ref.revision());
        }
        if (!configuration.kafkaVersions().isEmpty() && !configuration.kafkaVersions().contains(kafkaVersion)) {
            throw new InvalidRequest("configurationInfo", "The configuration " + configuration.name()
                    + " is for Kafka versions " + configuration.kafkaVersions() + ", not " + kafkaVersion);
        }
        if (mode(kafkaVersion) == MetadataMode.KRAFT) {
            var zookeeperOnly = ServerProperties.zookeeperOnly(properties(ref));
            if (!zookeeperOnly.isEmpty()) {
                throw new InvalidRequest("configurationInfo", "Revision " + ref.revision() + " of the configuration "
                        + configuration.name() + " sets " + zookeeperOnly + ", which apply to ZooKeeper clusters only, "
                        + "and Kafka " + kafkaVersion + " runs on KRaft");
            }
        }
    }

    /**
     * A configuration for KRaft versions only may not set what applies to ZooKeeper clusters only;
     * one for any version (no {@code kafkaVersions}) or for some ZooKeeper version may, and a KRaft
     * cluster is refused its revision when it names it.
     */
    private void requireForModes(Map<String, String> properties, List<String> kafkaVersions) {
        var zookeeperOnly = ServerProperties.zookeeperOnly(properties);
        if (!zookeeperOnly.isEmpty() && !kafkaVersions.isEmpty()
                && kafkaVersions.stream().allMatch(v -> mode(v) == MetadataMode.KRAFT)) {
            throw new InvalidRequest("serverProperties", "Invalid serverProperties: " + zookeeperOnly
                    + " apply to ZooKeeper clusters only, and the configuration is for KRaft versions " + kafkaVersions);
        }
    }

    private MetadataMode mode(String kafkaVersion) {
        return versions.find(kafkaVersion).map(KafkaVersion::mode).orElse(MetadataMode.KRAFT);
    }

    /** The custom properties a cluster runs with: the revision's, or none for MSK's defaults. */
    public Map<String, String> properties(Optional<ConfigurationRef> ref) {
        return ref.map(this::properties).orElse(Map.of());
    }

    /** What moving a cluster from one configuration (or none) to another takes. */
    public ConfigurationChange change(Optional<ConfigurationRef> from, Optional<ConfigurationRef> to) {
        return ConfigurationChange.between(properties(from), properties(to));
    }

    /** The broker properties of the referenced revision. */
    public Map<String, String> properties(ConfigurationRef ref) {
        return ServerProperties.parse(store.findConfigurationRevision(ref.arn(), ref.revision())
                .orElseThrow(() -> new NotFound("The configuration " + ref.arn() + " has no revision "
                        + ref.revision()))
                .serverProperties());
    }
}
