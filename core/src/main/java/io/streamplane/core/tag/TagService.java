package io.streamplane.core.tag;

import io.streamplane.core.error.NotFound;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/** Tags on the resources of one service: MSK allows 50 a resource, MSK Connect 200. */
public final class TagService {
    private final TagStore store;
    private final int maxTags;
    private final Predicate<String> resourceExists;

    public TagService(TagStore store, int maxTags, Predicate<String> resourceExists) {
        this.store = store;
        this.maxTags = maxTags;
        this.resourceExists = resourceExists;
    }

    public Map<String, String> tags(String resourceArn) {
        requireResource(resourceArn);
        return store.tags(resourceArn);
    }

    public void tag(String resourceArn, Map<String, String> tags) {
        requireResource(resourceArn);
        var merged = new HashMap<>(store.tags(resourceArn));
        merged.putAll(tags);
        TagRules.check(merged, maxTags, "tags");
        store.putTags(resourceArn, tags);
    }

    public void untag(String resourceArn, Collection<String> keys) {
        requireResource(resourceArn);
        store.removeTags(resourceArn, keys);
    }

    private void requireResource(String resourceArn) {
        if (!resourceExists.test(resourceArn)) {
            throw new NotFound("The resource " + resourceArn + " does not exist");
        }
    }
}
