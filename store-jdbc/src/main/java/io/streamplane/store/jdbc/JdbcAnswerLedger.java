package io.streamplane.store.jdbc;

import io.streamplane.core.replay.AnswerLedger;
import io.streamplane.core.replay.RecordedAnswer;
import org.jdbi.v3.core.Jdbi;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link AnswerLedger} on JDBC: one row a signature. Bodies are the JSON the API answers with,
 * kept as text; headers as {@code name: value} lines.
 */
final class JdbcAnswerLedger implements AnswerLedger {
    private final Jdbi jdbi;

    JdbcAnswerLedger(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Optional<RecordedAnswer> answerTo(String signature, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT status, headers, body FROM signed_request_answers "
                        + "WHERE signature = :signature AND expires_at > :now")
                .bind("signature", signature).bind("now", now.toEpochMilli())
                .map((rs, ctx) -> new RecordedAnswer(rs.getInt("status"), headers(rs.getString("headers")),
                        rs.getString("body").getBytes(StandardCharsets.UTF_8)))
                .findOne());
    }

    @Override
    public void record(String signature, RecordedAnswer answer, Instant expiresAt, Instant now) {
        try {
            insert(signature, answer, expiresAt, now);
        } catch (RuntimeException e) {
            // The signature has an answer already (its copies wait on one another, so only a copy that
            // came through another server could get here): the first answer stays.
            if (!JdbcStore.isUniqueViolation(e)) {
                throw e;
            }
        }
    }

    private void insert(String signature, RecordedAnswer answer, Instant expiresAt, Instant now) {
        jdbi.useTransaction(h -> {
            h.createUpdate("DELETE FROM signed_request_answers WHERE expires_at <= :now")
                    .bind("now", now.toEpochMilli()).execute();
            h.createUpdate("INSERT INTO signed_request_answers (signature, expires_at, status, headers, body) "
                            + "VALUES (:signature, :expires, :status, :headers, :body)")
                    .bind("signature", signature).bind("expires", expiresAt.toEpochMilli())
                    .bind("status", answer.status()).bind("headers", text(answer.headers()))
                    .bind("body", new String(answer.body(), StandardCharsets.UTF_8)).execute();
        });
    }

    private static String text(Map<String, String> headers) {
        var text = new StringBuilder();
        headers.forEach((name, value) -> text.append(name).append(": ").append(value).append('\n'));
        return text.toString();
    }

    private static Map<String, String> headers(String text) {
        var headers = new LinkedHashMap<String, String>();
        text.lines().filter(line -> !line.isEmpty()).forEach(line -> {
            int colon = line.indexOf(": ");
            headers.put(line.substring(0, colon), line.substring(colon + 2));
        });
        return headers;
    }
}
