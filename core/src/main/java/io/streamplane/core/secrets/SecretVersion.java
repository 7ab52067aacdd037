package io.streamplane.core.secrets;

import java.time.Instant;

/** One value a secret has had, immutable once written. */
public record SecretVersion(String versionId, String secretString, Instant createdDate) {
    @Override
    public String toString() {
        return "SecretVersion[" + versionId + ", value withheld]";
    }
}
