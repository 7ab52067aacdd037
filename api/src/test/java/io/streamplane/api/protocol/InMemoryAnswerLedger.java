package io.streamplane.api.protocol;

import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.replay.RecordedAnswer;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The {@link AnswerLedger} port in memory, for tests of the HTTP layer that need no database. */
public final class InMemoryAnswerLedger implements AnswerLedger {
    private record Entry(RecordedAnswer answer, Instant expiresAt) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    @Override
    public Optional<RecordedAnswer> answerTo(String signature, Instant now) {
        return Optional.ofNullable(entries.get(signature)).filter(e -> e.expiresAt().isAfter(now)).map(Entry::answer);
    }

    @Override
    public void record(String signature, RecordedAnswer answer, Instant expiresAt, Instant now) {
        entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
        entries.putIfAbsent(signature, new Entry(answer, expiresAt));
    }
}
