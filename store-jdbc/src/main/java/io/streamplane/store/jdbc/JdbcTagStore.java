package io.streamplane.store.jdbc;

import io.streamplane.core.tag.TagStore;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@link TagStore} on JDBC: one row a tag, by resource ARN. */
final class JdbcTagStore implements TagStore {
    private final Jdbi jdbi;

    JdbcTagStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Map<String, String> tags(String resourceArn) {
        return jdbi.withHandle(h -> {
            var tags = new LinkedHashMap<String, String>();
            h.createQuery("SELECT tag_key, tag_value FROM resource_tags WHERE resource_arn = :arn ORDER BY tag_key")
                    .bind("arn", resourceArn)
                    .map((rs, ctx) -> Map.entry(rs.getString("tag_key"), rs.getString("tag_value")))
                    .forEach(e -> tags.put(e.getKey(), e.getValue()));
            return tags;
        });
    }

    @Override
    public void putTags(String resourceArn, Map<String, String> tags) {
        jdbi.useTransaction(h -> {
            for (var key : tags.keySet()) {
                h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn AND tag_key = :key")
                        .bind("arn", resourceArn).bind("key", key).execute();
            }
            insertTags(h, resourceArn, tags);
        });
    }

    @Override
    public void removeTags(String resourceArn, Collection<String> keys) {
        jdbi.useTransaction(h -> {
            for (var key : keys) {
                h.createUpdate("DELETE FROM resource_tags WHERE resource_arn = :arn AND tag_key = :key")
                        .bind("arn", resourceArn).bind("key", key).execute();
            }
        });
    }

    static void insertTags(Handle h, String resourceArn, Map<String, String> tags) {
        tags.forEach((key, value) -> h.createUpdate(
                        "INSERT INTO resource_tags (resource_arn, tag_key, tag_value) VALUES (:arn, :key, :value)")
                .bind("arn", resourceArn).bind("key", key).bind("value", value).execute());
    }
}
