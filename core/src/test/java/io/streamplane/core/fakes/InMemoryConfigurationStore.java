package io.streamplane.core.fakes;

import io.streamplane.core.configuration.Configuration;
import io.streamplane.core.configuration.ConfigurationRevision;
import io.streamplane.core.configuration.ConfigurationStore;
import io.streamplane.core.error.Conflict;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Test fake: configurations and their revisions in memory, with the JDBC store's rules. */
public final class InMemoryConfigurationStore implements ConfigurationStore {
    private final Map<String, Configuration> configurations = new LinkedHashMap<>();
    private final Map<String, List<ConfigurationRevision>> revisions = new LinkedHashMap<>();

    @Override
    public synchronized void createConfiguration(Configuration configuration) {
        if (configurations.values().stream().anyMatch(c -> c.name().equals(configuration.name()))) {
            throw new Conflict("A configuration named " + configuration.name() + " already exists");
        }
        configurations.put(configuration.arn(), configuration);
        revisions.put(configuration.arn(), new ArrayList<>(List.of(configuration.latestRevision())));
    }

    @Override
    public synchronized Optional<Configuration> findConfiguration(String configurationArn) {
        return Optional.ofNullable(configurations.get(configurationArn));
    }

    @Override
    public synchronized List<Configuration> listConfigurations() {
        return List.copyOf(configurations.values());
    }

    @Override
    public synchronized void addConfigurationRevision(String configurationArn, ConfigurationRevision revision) {
        revisions.get(configurationArn).add(revision);
        configurations.computeIfPresent(configurationArn, (arn, c) -> c.withLatestRevision(revision));
    }

    @Override
    public synchronized Optional<ConfigurationRevision> findConfigurationRevision(String configurationArn,
                                                                                 long revision) {
        return revisions.getOrDefault(configurationArn, List.of()).stream().filter(r -> r.revision() == revision)
                .findFirst();
    }

    @Override
    public synchronized List<ConfigurationRevision> configurationRevisions(String configurationArn) {
        return revisions.getOrDefault(configurationArn, List.of()).stream()
                .sorted(Comparator.comparingLong(ConfigurationRevision::revision).reversed()).toList();
    }

    @Override
    public synchronized void deleteConfiguration(String configurationArn) {
        configurations.remove(configurationArn);
        revisions.remove(configurationArn);
    }
}
