package io.streamplane.api.protocol;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Refuses a second use of the signature of an S3 request that changes something, in memory. (The
 * JSON APIs answer a signature sent again with its first answer instead: {@link ApiGateway}.) A signature stays
 * valid for the whole clock-skew window, so a captured CreateCluster or DeleteCluster could
 * otherwise be sent again by whoever saw it. Reads are not tracked: SDKs sign with one-second
 * resolution, so two identical polls in the same second carry the same signature, and repeating
 * a read changes nothing. Retries by AWS SDKs and the CLI sign an attempt counter
 * ({@code amz-sdk-request: attempt=N}), so they never look like replays.
 */
public final class ReplayGuard {
    private static final Set<String> READS = Set.of("GET", "HEAD");
    /** Enough for a busy control plane's 15 minutes; beyond it the oldest signatures are forgotten. */
    private static final int MAX_REMEMBERED = 200_000;
    private final Duration window;
    private final Clock clock;
    private final LinkedHashMap<String, Instant> seenUntil = new LinkedHashMap<>();

    public ReplayGuard(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /** Records the signature; false when a request that changes something already used it. */
    public synchronized boolean firstUse(String method, String signature) {
        if (READS.contains(method)) {
            return true;
        }
        Instant now = clock.instant();
        forgetExpired(now);
        if (seenUntil.containsKey(signature)) {
            return false;
        }
        // Signed up to 15 minutes in the past or future: remembered for both sides of the window.
        seenUntil.put(signature, now.plus(window.multipliedBy(2)));
        if (seenUntil.size() > MAX_REMEMBERED) {
            Iterator<String> oldest = seenUntil.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return true;
    }

    private void forgetExpired(Instant now) {
        Iterator<Map.Entry<String, Instant>> entries = seenUntil.entrySet().iterator();
        while (entries.hasNext()) {
            if (entries.next().getValue().isAfter(now)) {
                return; // inserted in time order: the rest expire later
            }
            entries.remove();
        }
    }
}
