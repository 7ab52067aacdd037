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
import software.amazon.awssdk.services.secretsmanager.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.secretsmanager.model.PublicPolicyException;
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
        assertThat(secrets.listSecrets(r -> r.sortBy("name").sortOrder("desc").filters(Filter.builder()
                .key(FilterNameStringType.NAME).values("listed-").build())).secretList())
                .extracting(SecretListEntry::name).containsExactly("listed-2", "listed-1", "listed-0");
        assertThatThrownBy(() -> secrets.listSecrets(r -> r.sortBy("last-accessed-date")))
                .isInstanceOf(InvalidParameterException.class).hasMessageContaining("SortBy");
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

    @Test
    void updateSecret_changesDescriptionAndKey_andAValueBecomesTheCurrentVersion() {
        String arn = secrets.createSecret(r -> r.name("updated").secretString("one").description("first")).arn();

        var described = secrets.updateSecret(r -> r.secretId(arn).description("second")
                .kmsKeyId("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab"));
        assertThat(described.versionId()).as("no new value, no new version").isNull();
        var valued = secrets.updateSecret(r -> r.secretId(arn).secretString("two"));

        var after = secrets.describeSecret(r -> r.secretId(arn));
        assertThat(after.description()).isEqualTo("second");
        assertThat(after.kmsKeyId()).isEqualTo("arn:aws:kms:us-east-1:000000000000:key/1234abcd-12ab-34cd-56ef-1234567890ab");
        assertThat(after.versionIdsToStages()).containsEntry(valued.versionId(), List.of("AWSCURRENT"));
        assertThat(secrets.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("two");
        var versions = secrets.listSecretVersionIds(r -> r.secretId(arn)).versions();
        assertThat(versions).extracting(v -> v.versionStages()).containsExactly(List.of("AWSCURRENT"),
                List.of("AWSPREVIOUS"));
    }

    @Test
    void aScheduledDeletion_isUndoneByRestoreSecret_withEveryVersion() {
        String arn = secrets.createSecret(r -> r.name("restored").secretString("kept")).arn();
        secrets.deleteSecret(r -> r.secretId(arn).recoveryWindowInDays(7L));

        var restored = secrets.restoreSecret(r -> r.secretId(arn));

        assertThat(restored.arn()).isEqualTo(arn);
        assertThat(secrets.describeSecret(r -> r.secretId(arn)).deletedDate()).isNull();
        assertThat(secrets.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("kept");
    }

    @Test
    void stagingLabels_move_andAVersionWithoutOneIsDeprecated() {
        String arn = secrets.createSecret(r -> r.name("staged").secretString("one")).arn();
        String first = secrets.describeSecret(r -> r.secretId(arn)).versionIdsToStages().keySet().iterator().next();
        String second = secrets.putSecretValue(r -> r.secretId(arn).secretString("two")).versionId();

        secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSCURRENT").moveToVersionId(first)
                .removeFromVersionId(second));
        assertThat(secrets.getSecretValue(r -> r.secretId(arn)).secretString()).isEqualTo("one");
        assertThat(secrets.getSecretValue(r -> r.secretId(arn).versionStage("AWSPREVIOUS")).versionId())
                .isEqualTo(second);

        secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSPREVIOUS").removeFromVersionId(second));
        assertThat(secrets.listSecretVersionIds(r -> r.secretId(arn)).versions()).extracting(v -> v.versionId())
                .containsExactly(first);
        assertThat(secrets.listSecretVersionIds(r -> r.secretId(arn).includeDeprecated(true)).versions())
                .extracting(v -> v.versionId()).containsExactlyInAnyOrder(first, second);
        assertThatThrownBy(() -> secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("AWSCURRENT")
                .removeFromVersionId(first))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AWSCURRENT");
        assertThatThrownBy(() -> secrets.updateSecretVersionStage(r -> r.secretId(arn).versionStage("MINE")
                .moveToVersionId(second))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("VersionStage");
    }

    @Test
    void aResourcePolicy_isKeptAsWritten_andRefusedWhenMalformedOrPublicWithTheBlockOn() {
        String arn = secrets.createSecret(r -> r.name("with-policy").secretString("v")).arn();
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isNull();
        String policy = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                + "\"Principal\":{\"AWS\":\"arn:aws:iam::000000000000:root\"},\"Action\":\"secretsmanager:GetSecretValue\","
                + "\"Resource\":\"*\"}]}";

        secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(policy).blockPublicPolicy(true));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isEqualTo(policy);
        assertThatThrownBy(() -> secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy("{not json")))
                .isInstanceOf(MalformedPolicyDocumentException.class);
        String everyone = policy.replace("{\"AWS\":\"arn:aws:iam::000000000000:root\"}", "\"*\"");
        assertThatThrownBy(() -> secrets.putResourcePolicy(r -> r.secretId(arn).resourcePolicy(everyone)
                .blockPublicPolicy(true))).isInstanceOf(PublicPolicyException.class);
        assertThat(secrets.validateResourcePolicy(r -> r.resourcePolicy(policy)).policyValidationPassed()).isTrue();
        assertThat(secrets.validateResourcePolicy(r -> r.resourcePolicy("[]")).policyValidationPassed()).isFalse();

        secrets.deleteResourcePolicy(r -> r.secretId(arn));
        assertThat(secrets.getResourcePolicy(r -> r.secretId(arn)).resourcePolicy()).isNull();
    }

    @Test
    void tags_areAddedAndRemoved_andReadBackByDescribe() {
        String arn = secrets.createSecret(r -> r.name("tagged").secretString("v")
                .tags(t -> t.key("team").value("payments"))).arn();

        secrets.tagResource(r -> r.secretId(arn).tags(t -> t.key("env").value("test")));
        secrets.untagResource(r -> r.secretId(arn).tagKeys("team"));

        assertThat(secrets.describeSecret(r -> r.secretId(arn)).tags()).extracting(t -> t.key() + "=" + t.value())
                .containsExactly("env=test");
    }

    @Test
    void batchGetSecretValue_andRandomPasswords() {
        secrets.createSecret(r -> r.name("batch-a").secretString("a"));
        secrets.createSecret(r -> r.name("batch-b").secretString("b"));

        var batch = secrets.batchGetSecretValue(r -> r.secretIdList("batch-a", "batch-b", "batch-missing"));
        assertThat(batch.secretValues()).extracting(v -> v.name() + "=" + v.secretString())
                .containsExactly("batch-a=a", "batch-b=b");
        assertThat(batch.errors()).extracting(e -> e.secretId() + ":" + e.errorCode())
                .containsExactly("batch-missing:ResourceNotFoundException");

        String password = secrets.getRandomPassword(r -> r.passwordLength(40L).excludePunctuation(true))
                .randomPassword();
        assertThat(password).hasSize(40).matches("[A-Za-z0-9]+").containsPattern("[0-9]").containsPattern("[A-Z]");
        assertThat(secrets.getRandomPassword(r -> r.excludeCharacters("abc")).randomPassword()).hasSize(32)
                .doesNotContain("a", "b", "c");
    }

    @Test
    void rotationAndReplication_areRefusedSayingWhy() {
        String arn = secrets.createSecret(r -> r.name("not-rotated").secretString("v")).arn();
        assertThatThrownBy(() -> secrets.rotateSecret(r -> r.secretId(arn))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("Lambda");
        assertThatThrownBy(() -> secrets.replicateSecretToRegions(r -> r.secretId(arn)
                .addReplicaRegions(a -> a.region("eu-west-1")))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("regions");
        assertThatThrownBy(() -> secrets.createSecret(r -> r.name("replicated").secretString("v")
                .addReplicaRegions(a -> a.region("eu-west-1")))).isInstanceOf(InvalidParameterException.class)
                .hasMessageContaining("AddReplicaRegions");
    }
}
