package io.streamplane.core.backend;

import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.configuration.ConfigurationChange;
import io.streamplane.core.operation.Step;

import java.util.List;

/**
 * The steps of each kind of change, as one backend carries it out: the control plane decides that a
 * change is allowed and where it leads, the backend how it gets there. Each method is given the
 * cluster as it is before the change.
 */
public interface ChangeSteps {

    List<? extends Step<?>> creation();

    List<? extends Step<?>> deletion();

    List<? extends Step<?>> configuration(Cluster cluster, ConfigurationChange change);

    List<? extends Step<?>> kafkaVersion(Cluster cluster, ConfigurationChange change);

    /** A ZooKeeper cluster moved to KRaft in place, on the same Kafka release. */
    List<? extends Step<?>> kraftMigration(Cluster cluster);

    List<? extends Step<?>> brokerType(Cluster cluster);

    List<? extends Step<?>> monitoring(Cluster cluster, boolean exportersChange);

    /** Settings nodes read at their next start and nothing needs now: a volume size, rebalancing. */
    List<? extends Step<?>> recordedSettings(Cluster cluster);

    List<? extends Step<?>> security(Cluster cluster);

    List<? extends Step<?>> reboot(Cluster cluster, int brokerId);

    List<? extends Step<?>> brokerCount(Cluster cluster, int targetBrokers);
}
