package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.tag.TagService;

import java.util.ArrayList;
import java.util.Map;

/** TagResource, UntagResource and ListTagsForResource, for MSK and for MSK Connect. */
public final class TagHandlers {
    private final TagService tags;

    public TagHandlers(TagService tags) {
        this.tags = tags;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("TagResource", this::tagResource);
        handlers.put("UntagResource", this::untagResource);
        handlers.put("ListTagsForResource", this::listTagsForResource);
    }

    JsonNode tagResource(ObjectNode input) {
        tags.tag(input.path("resourceArn").asText(), Wire.stringMap(input, "tags"));
        // MSK answers 204 with no body, MSK Connect 200 with {}; the dispatcher writes what the model says.
        return Wire.object();
    }

    JsonNode untagResource(ObjectNode input) {
        var keys = new ArrayList<String>();
        input.path("tagKeys").forEach(k -> keys.add(k.asText()));
        tags.untag(input.path("resourceArn").asText(), keys);
        return Wire.object();
    }

    JsonNode listTagsForResource(ObjectNode input) {
        var out = Wire.object();
        out.set("tags", Wire.tags(tags.tags(input.path("resourceArn").asText())));
        return out;
    }
}
