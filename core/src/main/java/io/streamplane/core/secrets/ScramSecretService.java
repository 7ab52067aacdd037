package io.streamplane.core.secrets;

import io.streamplane.core.Page;
import io.streamplane.core.cluster.Cluster;
import io.streamplane.core.cluster.ClusterState;
import io.streamplane.core.cluster.ClusterStore;
import io.streamplane.core.cluster.NodeFleet;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.kafka.ClusterAdmin;
import io.streamplane.core.kafka.KafkaClusterProbe;
import io.streamplane.core.security.InternalCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * MSK's SASL/SCRAM secret association: each AmazonMSK_ secret holds a username and password that
 * become a SCRAM-SHA-512 user of the cluster, in Kafka's own metadata, with no restart. Secrets
 * that can't be used are reported one by one and change nothing.
 */
public final class ScramSecretService {
    private static final Logger LOG = LoggerFactory.getLogger(ScramSecretService.class);
    public static final String NAME_PREFIX = "AmazonMSK_";
    private static final Set<ClusterState> RUNNING = Set.of(ClusterState.ACTIVE, ClusterState.UPDATING,
            ClusterState.HEALING, ClusterState.REBOOTING_BROKER);
    private final ClusterStore store;
    private final SecretStore secrets;
    private final SecretService secretService;
    private final ScramSecretFormat format;
    private final NodeFleet fleet;
    private final KafkaClusterProbe probe;

    public ScramSecretService(ClusterStore store, SecretStore secrets, SecretService secretService, ScramSecretFormat format,
                              NodeFleet fleet, KafkaClusterProbe probe) {
        this.store = store;
        this.secrets = secrets;
        this.secretService = secretService;
        this.format = format;
        this.fleet = fleet;
        this.probe = probe;
    }

    /** A secret that was not associated or disassociated, and why. */
    public record Unprocessed(String secretArn, String errorCode, String errorMessage) {
    }

    public List<Unprocessed> associate(String clusterArn, List<String> secretArns) {
        var cluster = scramCluster(clusterArn);
        var unprocessed = new ArrayList<Unprocessed>();
        var users = new HashMap<String, String>();
        var accepted = new ArrayList<ScramAssociation>();
        // One secret per user: with two, disassociating either would leave the other's password or none.
        var associated = secrets.scramAssociations(cluster.arn());
        for (String arn : new HashSet<>(secretArns).stream().sorted().toList()) {
            var checked = check(arn);
            checked.refusal().ifPresent(unprocessed::add);
            checked.credential().ifPresent(c -> {
                var holder = associated.stream().filter(a -> a.username().equals(c.username())
                        && !a.secretArn().equals(arn)).findFirst();
                if (holder.isPresent()) {
                    unprocessed.add(new Unprocessed(arn, "DuplicateUsername", "The username " + c.username()
                            + " is already in use on cluster " + cluster.name() + " by secret "
                            + holder.get().secretArn()));
                } else if (users.containsKey(c.username())) {
                    unprocessed.add(new Unprocessed(arn, "DuplicateUsername", "Another secret in this request "
                            + "has the username " + c.username()));
                } else {
                    users.put(c.username(), c.password());
                    accepted.add(new ScramAssociation(arn, c.username()));
                }
            });
        }
        applyToCluster(cluster, admin -> admin.upsertScramUsers(users));
        accepted.forEach(a -> secrets.associateScramSecret(cluster.arn(), a.secretArn(), a.username()));
        return unprocessed;
    }

    /**
     * Brings every cluster that uses the secret to its new value, at once (MSK syncs within minutes).
     * A value that can't be used leaves the cluster's user as it was; so does a cluster that is not
     * running, until the secret is associated again.
     */
    public void secretChanged(Secret secret) {
        var checked = check(secret.arn());
        if (checked.credential().isEmpty()) {
            LOG.warn("Secret {} has a new value that is not usable for SASL/SCRAM ({}); clusters keep its old user",
                    secret.name(), checked.refusal().map(Unprocessed::errorMessage).orElse(""));
            return;
        }
        var credential = checked.credential().get();
        for (String clusterArn : secrets.clustersUsingSecret(secret.arn())) {
            var cluster = store.findCluster(clusterArn).filter(c -> RUNNING.contains(c.state()));
            if (cluster.isEmpty()) {
                continue;
            }
            var associations = secrets.scramAssociations(clusterArn);
            var holder = associations.stream().filter(a -> !a.secretArn().equals(secret.arn())
                    && a.username().equals(credential.username())).findFirst();
            if (holder.isPresent()) {
                LOG.warn("Secret {} now names the user {}, whom secret {} already provides on cluster {}; the "
                        + "cluster keeps the secret's old user", secret.name(), credential.username(),
                        holder.get().secretArn(), cluster.get().name());
                continue;
            }
            String oldUser = associations.stream().filter(a -> a.secretArn().equals(secret.arn()))
                    .map(ScramAssociation::username).findFirst().orElse(credential.username());
            boolean oldUserStays = oldUser.equals(credential.username()) || associations.stream()
                    .anyMatch(a -> !a.secretArn().equals(secret.arn()) && a.username().equals(oldUser));
            try {
                applyToCluster(cluster.get(), admin -> {
                    admin.upsertScramUsers(Map.of(credential.username(), credential.password()));
                    admin.deleteScramUsers(oldUserStays ? Set.of() : Set.of(oldUser));
                });
                secrets.associateScramSecret(clusterArn, secret.arn(), credential.username());
            } catch (RuntimeException e) {
                LOG.warn("Cannot bring cluster {} to the new value of secret {}: {}", cluster.get().name(),
                        secret.name(), e.getMessage());
            }
        }
    }

    public List<Unprocessed> disassociate(String clusterArn, List<String> secretArns) {
        var cluster = scramCluster(clusterArn);
        var associated = secrets.scramAssociations(cluster.arn());
        var unprocessed = new ArrayList<Unprocessed>();
        var leaving = new ArrayList<ScramAssociation>();
        for (String arn : new HashSet<>(secretArns).stream().sorted().toList()) {
            // InvalidSecretArn, as MSK names it: the AWS provider takes it, on disassociation, as already done.
            associated.stream().filter(a -> a.secretArn().equals(arn)).findFirst().ifPresentOrElse(leaving::add,
                    () -> unprocessed.add(new Unprocessed(arn, "InvalidSecretArn",
                            "The secret is not associated with cluster " + cluster.name())));
        }
        // A user another remaining secret still provides stays.
        var remainingUsers = new HashSet<String>();
        associated.stream().filter(a -> !leaving.contains(a)).forEach(a -> remainingUsers.add(a.username()));
        var users = new HashSet<String>();
        leaving.stream().map(ScramAssociation::username).filter(u -> !remainingUsers.contains(u)).forEach(users::add);
        applyToCluster(cluster, admin -> admin.deleteScramUsers(users));
        leaving.forEach(a -> secrets.disassociateScramSecret(cluster.arn(), a.secretArn()));
        return unprocessed;
    }

    public Page<String> list(String clusterArn, Optional<Integer> maxResults, Optional<String> nextToken) {
        var cluster = store.findCluster(clusterArn).orElseThrow(() -> new NotFound("Cluster " + clusterArn
                + " does not exist"));
        return Page.of(secrets.scramAssociations(cluster.arn()).stream().map(ScramAssociation::secretArn).toList(),
                maxResults, nextToken);
    }

    private Cluster scramCluster(String clusterArn) {
        var cluster = store.findCluster(clusterArn).orElseThrow(() -> new NotFound("Cluster " + clusterArn
                + " does not exist"));
        if (!cluster.spec().security().scram()) {
            throw new InvalidRequest("clusterArn", "SASL/SCRAM authentication is not enabled on cluster "
                    + cluster.name() + "; enable it with clientAuthentication.sasl.scram");
        }
        if (!RUNNING.contains(cluster.state())) {
            throw new InvalidRequest("clusterArn", "You can't change the SASL/SCRAM secrets of a cluster in "
                    + cluster.state() + " state.");
        }
        return cluster;
    }

    /** The secret's credential, or why it can't be used: exactly one of the two is present. */
    private record Checked(Optional<ScramCredential> credential, Optional<Unprocessed> refusal) {
        static Checked usable(ScramCredential credential) {
            return new Checked(Optional.of(credential), Optional.empty());
        }

        static Checked refused(String arn, String code, String message) {
            return new Checked(Optional.empty(), Optional.of(new Unprocessed(arn, code, message)));
        }
    }

    private Checked check(String arn) {
        try {
            var secret = secretService.readable(arn);
            if (!secret.name().startsWith(NAME_PREFIX)) {
                return Checked.refused(arn, "InvalidSecretName", "The name of a secret for SASL/SCRAM must start "
                        + "with " + NAME_PREFIX + ", got " + secret.name());
            }
            var parsed = format.parse(secretService.value(arn, Optional.empty(), Optional.empty())
                    .version().secretString());
            if (parsed.isEmpty()) {
                return Checked.refused(arn, "InvalidSecretValue", "The secret's value must be JSON with a "
                        + "non-empty \"username\" and \"password\"");
            }
            if (parsed.get().username().equals(InternalCredentials.USERNAME)) {
                return Checked.refused(arn, "ReservedUsername", "The username " + InternalCredentials.USERNAME
                        + " is reserved for the cluster's own use");
            }
            return Checked.usable(parsed.get());
        } catch (NotFound e) {
            return Checked.refused(arn, "SecretNotFound", "Secrets Manager can't find the secret " + arn);
        } catch (InvalidRequest e) {
            return Checked.refused(arn, "SecretNotUsable", e.getMessage());
        }
    }

    private interface AdminCall {
        void run(ClusterAdmin admin) throws Exception;
    }

    private void applyToCluster(Cluster cluster, AdminCall call) {
        try (var admin = probe.connect(fleet.bootstrapServers(cluster))) {
            call.run(admin);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while changing the SCRAM users of " + cluster.name(), e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot change the SCRAM users of cluster " + cluster.name() + ": "
                    + e.getMessage(), e);
        }
    }
}
