package io.streamplane.core.connect;

import io.streamplane.core.Ids;
import io.streamplane.core.Page;
import io.streamplane.core.ServiceIdentity;
import io.streamplane.core.error.Conflict;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.tag.TagRules;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** MSK Connect's worker configurations: Kafka Connect worker properties, validated, with revisions. */
public final class WorkerConfigurationService {
    private final ServiceIdentity identity;
    private final ConnectStore store;
    private final Predicate<String> inUse;
    private final Ids ids;
    private final Clock clock;

    /** @param inUse whether a connector runs with the worker configuration of the given ARN */
    public WorkerConfigurationService(ServiceIdentity identity, ConnectStore store, Predicate<String> inUse,
                                      Ids ids, Clock clock) {
        this.identity = identity;
        this.store = store;
        this.inUse = inUse;
        this.ids = ids;
        this.clock = clock;
    }

    /** @param propertiesFileContent the worker properties as text (the wire carries them in base64) */
    public synchronized WorkerConfiguration create(String name, Optional<String> description,
                                                   String propertiesFileContent, Map<String, String> tagsToAdd) {
        TagRules.check(tagsToAdd, ConnectorService.MAX_TAGS, "tags");
        WorkerProperties.parseAndValidate(propertiesFileContent);
        if (store.listWorkerConfigurations().stream().anyMatch(c -> c.name().equals(name))) {
            throw new Conflict("A worker configuration named " + name + " already exists");
        }
        var now = clock.instant();
        var configuration = new WorkerConfiguration(identity.connectArn("worker-configuration", name,
                ids.resourceUuid()), name, description.orElse(""), now, WorkerConfigurationState.ACTIVE,
                new WorkerConfigurationRevision(1, description.orElse(""), now, propertiesFileContent));
        store.createWorkerConfiguration(configuration, tagsToAdd);
        return configuration;
    }

    public WorkerConfiguration describe(String arn) {
        return store.findWorkerConfiguration(arn).orElseThrow(() -> new NotFound("The worker configuration " + arn
                + " does not exist"));
    }

    /** The revision a connector names; there is one per configuration, as MSK Connect makes them. */
    public WorkerConfigurationRevision revision(String arn, long revision) {
        var configuration = describe(arn);
        if (configuration.latestRevision().revision() != revision) {
            throw new InvalidRequest("workerConfiguration.revision", "The worker configuration " + arn
                    + " has no revision " + revision + "; its revision is " + configuration.latestRevision().revision());
        }
        return configuration.latestRevision();
    }

    public Page<WorkerConfiguration> list(Optional<String> namePrefix, Optional<Integer> maxResults,
                                          Optional<String> nextToken) {
        var matching = store.listWorkerConfigurations().stream()
                .filter(c -> namePrefix.map(prefix -> c.name().startsWith(prefix)).orElse(true)).toList();
        return Page.of(matching, maxResults, nextToken);
    }

    public synchronized WorkerConfiguration delete(String arn) {
        var configuration = describe(arn);
        if (inUse.test(arn)) {
            throw new InvalidRequest("workerConfigurationArn", "The worker configuration " + arn + " is used by a "
                    + "connector; delete the connector first");
        }
        store.deleteWorkerConfiguration(arn);
        return new WorkerConfiguration(configuration.arn(), configuration.name(), configuration.description(),
                configuration.creationTime(), WorkerConfigurationState.DELETING, configuration.latestRevision());
    }
}
