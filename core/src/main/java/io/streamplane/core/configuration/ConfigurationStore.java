package io.streamplane.core.configuration;

import java.util.List;
import java.util.Optional;

/** Where MSK configurations and their revisions are kept. */
public interface ConfigurationStore {

    /** Inserts a configuration with its first revision; Conflict if the name is taken. */
    void createConfiguration(Configuration configuration);

    Optional<Configuration> findConfiguration(String configurationArn);

    /** All configurations, oldest first. */
    List<Configuration> listConfigurations();

    /** Adds the next revision and makes it the latest, atomically. */
    void addConfigurationRevision(String configurationArn, ConfigurationRevision revision);

    Optional<ConfigurationRevision> findConfigurationRevision(String configurationArn, long revision);

    /** The configuration's revisions, newest first. */
    List<ConfigurationRevision> configurationRevisions(String configurationArn);

    /** Removes the configuration with all its revisions and tags. */
    void deleteConfiguration(String configurationArn);
}
