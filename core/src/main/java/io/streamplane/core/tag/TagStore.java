package io.streamplane.core.tag;

import java.util.Collection;
import java.util.Map;

/** Where the tags of every resource are kept, by resource ARN. */
public interface TagStore {

    Map<String, String> tags(String resourceArn);

    void putTags(String resourceArn, Map<String, String> tags);

    void removeTags(String resourceArn, Collection<String> keys);
}
