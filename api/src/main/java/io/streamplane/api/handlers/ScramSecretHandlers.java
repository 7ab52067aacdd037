package io.streamplane.api.handlers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.streamplane.api.protocol.OperationHandler;
import io.streamplane.core.secrets.ScramSecretService;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** BatchAssociateScramSecret, BatchDisassociateScramSecret and ListScramSecrets. */
public final class ScramSecretHandlers {
    private final ScramSecretService scram;

    public ScramSecretHandlers(ScramSecretService scram) {
        this.scram = scram;
    }

    public void register(Map<String, OperationHandler> handlers) {
        handlers.put("BatchAssociateScramSecret", input -> answer(input,
                scram.associate(input.path("clusterArn").asText(), secretArns(input))));
        handlers.put("BatchDisassociateScramSecret", input -> answer(input,
                scram.disassociate(input.path("clusterArn").asText(), secretArns(input))));
        handlers.put("ListScramSecrets", this::listScramSecrets);
    }

    JsonNode listScramSecrets(ObjectNode input) {
        var page = scram.list(input.path("clusterArn").asText(), Wire.integer(input, "maxResults"),
                Wire.text(input, "nextToken"));
        return Wire.page("secretArnList", page, TextNode::valueOf);
    }

    private static JsonNode answer(ObjectNode input, List<ScramSecretService.Unprocessed> unprocessed) {
        var out = Wire.object().put("clusterArn", input.path("clusterArn").asText());
        var list = out.putArray("unprocessedScramSecrets");
        unprocessed.forEach(u -> list.addObject().put("errorCode", u.errorCode())
                .put("errorMessage", u.errorMessage()).put("secretArn", u.secretArn()));
        return out;
    }

    private static List<String> secretArns(ObjectNode input) {
        var arns = new ArrayList<String>();
        input.path("secretArnList").forEach(a -> arns.add(a.asText()));
        return arns;
    }
}
