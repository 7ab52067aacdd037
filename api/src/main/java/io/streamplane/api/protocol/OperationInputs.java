package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;

import java.util.Map;

/** An operation's input, read from the request where the model puts each member, then validated. */
final class OperationInputs {
    private final InputReader reader;
    private final InputValidator validator;

    OperationInputs(ServiceModel model) {
        this.reader = new InputReader(model);
        this.validator = new InputValidator(model);
    }

    /** The input as JSON, or an empty object for an operation without input; ApiException when invalid. */
    ObjectNode read(OperationModel operation, Map<String, String> labels, String rawQuery, byte[] body) {
        return operation.inputShape()
                .map(shape -> {
                    var read = reader.read(shape, labels, rawQuery, body);
                    validator.validate(shape, read);
                    return read;
                })
                .orElseGet(JsonNodeFactory.instance::objectNode);
    }
}
