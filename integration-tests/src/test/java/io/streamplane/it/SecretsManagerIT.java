package io.streamplane.it;

import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.Filter;
import software.amazon.awssdk.services.secretsmanager.model.FilterNameStringType;
import software.amazon.awssdk.services.secretsmanager.model.InvalidParameterException;
import software.amazon.awssdk.services.secretsmanager.model.InvalidRequestException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceExistsException;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;
import software.amazon.awssdk.services.secretsmanager.model.SecretListEntry;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Secrets Manager API on the same endpoint as MSK, through the AWS SDK's own client. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecretsManagerIT {
    private StreamplaneFixture streamplane;
    private SecretsManagerClient secrets;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
        secrets = streamplane.secretsManagerClient();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void aSecretKeepsItsValues_asCurrentAndPreviousVersions() {
        var created = secrets.createSecret(r -> r.name("AmazonMSK_versions").secretString("one")
                .description("for a test").tags(t -> t.key("team").value("payments")));
        assertThat(created.arn()).matches("arn:aws:secretsmanager:us-east-1:000000000000:secret:AmazonMSK_versions-"
                + "[A-Za-z0-9]{6}");

        var put = secrets.putSecretValue(r -> r.secretId(created.arn()).secretString("two"));

        assertThat(secrets.getSecretValue(r -> r.secretId("AmazonMSK_versions")).secretString()).isEqualTo("two");
        var previous = secrets.getSecretValue(r -> r.secretId(created.arn()).versionStage("AWSPREVIOUS"));
        assertThat(previous.secretString()).isEqualTo("one");
        assertThat(previous.versionId()).isEqualTo(created.versionId());
        var described = secrets.describeSecret(r -> r.secretId(created.arn()));
        assertThat(described.name()).isEqualTo("AmazonMSK_versions");
        assertThat(described.description()).isEqualTo("for a test");
        assertThat(described.versionIdsToStages()).containsEntry(put.versionId(), List.of("AWSCURRENT"))
                .containsEntry(created.versionId(), List.of("AWSPREVIOUS"));
        assertThat(described.tags()).extracting(t -> t.key() + "=" + t.value()).containsExactly("team=payments");
        assertThat(described.createdDate()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
    }

    @Test
    void listing_filtersByName_andPages() {
        for (int i = 0; i < 3; i++) {
            int n = i;
            secrets.createSecret(r -> r.name("listed-" + n).secretString("v"));
        }

        var first = secrets.listSecrets(r -> r.maxResults(2).filters(Filter.builder().key(FilterNameStringType.NAME)
                .values("listed-").build()));
        var second = secrets.listSecrets(r -> r.maxResults(2).nextToken(first.nextToken())
                .filters(Filter.builder().key(FilterNameStringType.NAME).values("listed-").build()));

        assertThat(first.secretList()).extracting(SecretListEntry::name).containsExactly("listed-0", "listed-1");
        assertThat(second.secretList()).extracting(SecretListEntry::name).containsExactly("listed-2");
        assertThat(second.nextToken()).isNull();
    }

    @Test
    void aDeletionIsScheduled_andTheSecretCanNoLongerBeRead_unlessForcedWhichRemovesItAtOnce() {
        String arn = secrets.createSecret(r -> r.name("to-delete").secretString("v")).arn();
        secrets.createSecret(r -> r.name("to-force").secretString("v"));

        var scheduled = secrets.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L));
        secrets.deleteSecret(r -> r.secretId("to-force").forceDeleteWithoutRecovery(true));

        assertThat(scheduled.deletionDate()).isAfter(Instant.now().plus(Duration.ofDays(6)));
        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId(arn)))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("marked for deletion");
        assertThat(secrets.describeSecret(r -> r.secretId(arn)).deletedDate()).isNotNull();
        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("to-delete").secretString("again")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("scheduled for deletion");
        assertThatThrownBy(() -> secrets.describeSecret(r -> r.secretId("to-force")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void badRequests_getSecretsManagersOwnErrors_andChangeNothing() {
        secrets.createSecret(r -> r.name("taken").secretString("first"));

        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("taken").secretString("second")))
                .isInstanceOf(ResourceExistsException.class);
        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("bad name!").secretString("v")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("Name");
        assertThatThrownBy(() -> secrets.getSecretValue(r -> r.secretId("nothing-here")))
                .isInstanceOf(ResourceNotFoundException.class);
        assertThatThrownBy(() -> secrets.deleteSecret(r -> r.secretId("taken").recoveryWindowInDays(3L)))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("RecoveryWindowInDays");
        assertThat(secrets.getSecretValue(r -> r.secretId("taken")).secretString()).isEqualTo("first");
    }
}
