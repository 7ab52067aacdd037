package io.streamplane.core.tag;

import io.streamplane.core.error.NotFound;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Tags on the resources of one service: MSK, Secrets Manager and Private CA allow 50 a resource,
 * MSK Connect 200.
 */
public final class TagService {
    private final TagStore store;
    private final int maxTags;
    private final String member;
    private final Predicate<String> resourceExists;

    /** @param member the request member that carries the tags, as the service spells it ("tags", "Tags") */
    public TagService(TagStore store, int maxTags, String member, Predicate<String> resourceExists) {
        this.store = store;
        this.maxTags = maxTags;
        this.member = member;
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
        TagRules.check(merged, maxTags, member);
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
