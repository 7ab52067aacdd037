package io.streamplane.core.replay;

import java.time.Instant;
import java.util.Optional;

/**
 * The answers given to signed requests that changed something, by signature, for as long as the
 * signature is valid. A request sent again with the same signature (a client's retry, or a replay
 * by whoever captured it) gets the first answer instead of running twice. Kept with the state, so
 * a restart forgets nothing.
 */
public interface AnswerLedger {
    /** The answer recorded for the signature, unless it expired before {@code now}. */
    Optional<RecordedAnswer> answerTo(String signature, Instant now);

    /**
     * Records the answer until {@code expiresAt}, and forgets every answer that expired by
     * {@code now}. A signature already recorded keeps its first answer.
     */
    void record(String signature, RecordedAnswer answer, Instant expiresAt, Instant now);
}
