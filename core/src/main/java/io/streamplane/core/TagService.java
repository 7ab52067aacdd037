package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.error.NotFound;
import io.streamplane.core.port.Store;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** Tags on MSK resources. MSK allows 50 tags per resource. */
public final class TagService {
    private static final int MAX_TAGS = 50;
    private final Store store;

    public TagService(Store store) {
        this.store = store;
    }

    public Map<String, String> tags(String resourceArn) {
        requireResource(resourceArn);
        return store.tags(resourceArn);
    }

    public void tag(String resourceArn, Map<String, String> tags) {
        requireResource(resourceArn);
        var merged = new HashMap<>(store.tags(resourceArn));
        merged.putAll(tags);
        if (merged.size() > MAX_TAGS) {
            throw new InvalidRequest("tags", "A resource can have at most " + MAX_TAGS + " tags; this request would "
                    + "leave " + merged.size());
        }
        for (var key : tags.keySet()) {
            if (key.startsWith("aws:")) {
                throw new InvalidRequest("tags", "Tag keys starting with 'aws:' are reserved, got '" + key + "'");
            }
        }
        store.putTags(resourceArn, tags);
    }

    public void untag(String resourceArn, Collection<String> keys) {
        requireResource(resourceArn);
        store.removeTags(resourceArn, keys);
    }

    private void requireResource(String resourceArn) {
        if (store.findCluster(resourceArn).isEmpty() && store.findConfiguration(resourceArn).isEmpty()) {
            throw new NotFound("The resource " + resourceArn + " does not exist");
        }
    }
}
