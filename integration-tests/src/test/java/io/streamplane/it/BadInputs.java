package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.api.protocol.TextRules;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bad inputs generated from a service model: for an operation's input, every member in turn (nested
 * ones too) made too long, too short, of the wrong type, out of range, or holding characters its
 * member may not hold, in an input that is otherwise well formed. Members the caller names in
 * {@code known} get real values (the ARN of a resource that exists), so a member is checked where a
 * real request would be.
 */
final class BadInputs {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Beyond this a blob would be refused by the endpoint's body limit, not by its member's rule. */
    private static final int LARGEST_BLOB_SENT = 600_000;
    private static final int MAX_DEPTH = 8;
    private static final List<String> PATTERN_SAMPLES = List.of("sample", "US", "1.2.3", "1", "4h", "us-east-1",
            "c2FtcGxl", "00000000-0000-0000-0000-000000000000",
            "arn:aws:acm-pca:us-east-1:000000000000:certificate-authority/sample");
    private static final BigInteger TWO_TO_31 = BigInteger.TWO.pow(31);
    private static final BigInteger TWO_TO_63 = BigInteger.TWO.pow(63);

    enum Kind {
        TOO_LONG, TOO_SHORT, WRONG_TYPE, OUT_OF_RANGE, BEYOND_INT, BEYOND_LONG, FRACTION, NOT_IN_ENUM,
        CONTROL_CHARACTER, LINE_BREAK, NON_ASCII, TOO_MANY, TOO_FEW, BAD_BASE64, BAD_KEY, NEAR_LIMIT
    }

    /**
     * One bad input. {@code mustBeNamed} is false only for numbers the model allows (2^31 - 1,
     * 2^63 - 1), which the service may accept or refuse, but never answer with a 5xx.
     */
    record Mutation(String member, Kind kind, ObjectNode input, boolean mustBeNamed) {
        String leaf() {
            String name = member.replaceAll("\\[\\d+]", "");
            int dot = name.lastIndexOf('.');
            return dot < 0 ? name : name.substring(dot + 1);
        }
    }

    /** One step of a path into an input: a member, a list index or a map key, and the shape found there. */
    private record Step(String field, int index, String shape) {
        boolean isIndex() {
            return field == null;
        }
    }

    private final ServiceModel model;
    private final Map<String, String> known;
    /** Counts of bad inputs not generated, by why. */
    private int freeTextSkipped;
    private int bodyLimitSkipped;

    BadInputs(ServiceModel model, Map<String, String> known) {
        this.model = model;
        this.known = known;
    }

    int freeTextSkipped() {
        return freeTextSkipped;
    }

    int bodyLimitSkipped() {
        return bodyLimitSkipped;
    }

    /**
     * The bad inputs of an input shape, each made from a base of the shape's required members with
     * {@code overrides} set over them: for an operation whose service rules need more than its
     * model requires, so that every member is checked where a valid request would be.
     */
    List<Mutation> of(String inputShape, ObjectNode overrides) {
        var out = new ArrayList<Mutation>();
        ObjectNode base = (ObjectNode) sample(inputShape, "");
        base.setAll(overrides);
        walkStructure(inputShape, base, List.of(), new HashSet<>(), out);
        return out;
    }

    private void walkStructure(String shapeName, ObjectNode base, List<Step> path, Set<String> stack,
                               List<Mutation> out) {
        if (path.size() > MAX_DEPTH || !stack.add(shapeName)) {
            return;
        }
        boolean top = path.isEmpty();
        model.shape(shapeName).path("members").properties().forEach(member -> {
            String wire = member.getValue().path("locationName").asText(member.getKey());
            String location = top ? member.getValue().path("location").asText("") : "";
            var memberPath = append(path, new Step(wire, -1, member.getValue().path("shape").asText()));
            walk(member.getValue().path("shape").asText(), wire, location, TextRules.Place.MEMBER, base,
                    memberPath, stack, out);
        });
        stack.remove(shapeName);
    }

    private void walk(String shapeName, String wire, String location, TextRules.Place place, ObjectNode base,
                      List<Step> path, Set<String> stack, List<Mutation> out) {
        JsonNode shape = model.shape(shapeName);
        boolean inBody = location.isEmpty();
        switch (shape.path("type").asText()) {
            case "string" -> strings(shapeName, shape, wire, place, inBody, base, path, out);
            case "integer", "long" -> integers(shape, shape.path("type").asText().equals("integer"), inBody, base, path,
                    out);
            case "double" -> add(out, base, path, Kind.WRONG_TYPE, inBody ? NODES.textNode("1.5") : NODES.textNode("x"));
            case "boolean" -> add(out, base, path, Kind.WRONG_TYPE, inBody ? NODES.textNode("true") : NODES.textNode("maybe"));
            case "blob" -> blobs(shape, base, path, out);
            case "timestamp" -> add(out, base, path, Kind.WRONG_TYPE, NODES.objectNode());
            case "list" -> {
                String element = shape.path("member").path("shape").asText();
                if (inBody) {
                    add(out, base, path, Kind.WRONG_TYPE, NODES.textNode("sample"));
                }
                if (shape.has("max") && shape.get("max").asInt() < 1000) {
                    add(out, base, path, Kind.TOO_MANY, listOf(element, wire, shape.get("max").asInt() + 1));
                }
                if (shape.path("min").asInt() > 0) {
                    add(out, base, path, Kind.TOO_FEW, listOf(element, wire, shape.get("min").asInt() - 1));
                }
                walk(element, wire, location, place, base, append(path, new Step(null, 0, element)), stack, out);
            }
            case "map" -> {
                add(out, base, path, Kind.WRONG_TYPE, NODES.textNode("sample"));
                String valueShape = shape.path("value").path("shape").asText();
                JsonNode value = sample(valueShape, wire);
                add(out, base, path, Kind.BAD_KEY, NODES.objectNode().set("sam\u0000ple", value));
                add(out, base, path, Kind.BAD_KEY, NODES.objectNode().set("k".repeat(TextRules.UNBOUNDED_MAX + 1), value));
                if (wire.equalsIgnoreCase("tags")) {
                    // AWS's own bounds on tags, which a service checks beyond the model
                    add(out, base, path, Kind.BAD_KEY, NODES.objectNode().set("k".repeat(129), value));
                    add(out, base, path, Kind.TOO_LONG, NODES.objectNode().put("key", "v".repeat(257)));
                }
                walk(valueShape, wire, location, TextRules.Place.MAP_VALUE, base,
                        append(path, new Step("sample", -1, valueShape)), stack, out);
            }
            case "structure" -> {
                if (inBody) {
                    add(out, base, path, Kind.WRONG_TYPE, NODES.textNode("sample"));
                }
                walkStructure(shapeName, base, path, stack, out);
            }
            default -> { }
        }
    }

    private void strings(String shapeName, JsonNode shape, String wire, TextRules.Place place, boolean inBody,
                         ObjectNode base, List<Step> path, List<Mutation> out) {
        if (inBody) {
            add(out, base, path, Kind.WRONG_TYPE, NODES.numberNode(7));
        }
        if (shape.has("enum")) {
            add(out, base, path, Kind.NOT_IN_ENUM, NODES.textNode("NOT_A_VALUE"));
            return;
        }
        String valid = sample(shapeName, wire).asText();
        add(out, base, path, Kind.TOO_LONG, NODES.textNode("x".repeat(TextRules.maxLength(shapeName, shape, wire, place) + 1)));
        int min = shape.path("min").asInt();
        if (min > 0) {
            add(out, base, path, Kind.TOO_SHORT, NODES.textNode("x".repeat(min - 1)));
        }
        if (!shapeName.equals("SecretStringType")) {
            add(out, base, path, Kind.CONTROL_CHARACTER, NODES.textNode(valid + "\u0000"));
            add(out, base, path, Kind.CONTROL_CHARACTER, NODES.textNode(valid + "\u001b[2J"));
        }
        String pattern = shape.path("pattern").asText("");
        boolean anchored = pattern.startsWith("^") && pattern.endsWith("$");
        if (TextRules.freeText(shapeName, wire, place) || !(pattern.isEmpty() || anchored)) {
            freeTextSkipped += 2;
            return;
        }
        add(out, base, path, Kind.LINE_BREAK, NODES.textNode(valid + "\nbootstrap.servers=elsewhere:9092"));
        add(out, base, path, Kind.NON_ASCII, NODES.textNode(valid + "é漢"));
    }

    private void integers(JsonNode shape, boolean integer, boolean inBody, ObjectNode base, List<Step> path,
                          List<Mutation> out) {
        add(out, base, path, Kind.WRONG_TYPE, inBody ? NODES.textNode("7") : NODES.textNode("x"));
        if (inBody) {
            add(out, base, path, Kind.FRACTION, NODES.numberNode(1.5));
        }
        if (integer) {
            add(out, base, path, Kind.BEYOND_INT, NODES.numberNode(TWO_TO_31));
            add(out, base, path, Kind.BEYOND_INT, NODES.numberNode(TWO_TO_31.negate().subtract(BigInteger.ONE)));
        }
        add(out, base, path, Kind.BEYOND_LONG, NODES.numberNode(TWO_TO_63));
        long low = integer ? Integer.MIN_VALUE : Long.MIN_VALUE;
        long high = integer ? Integer.MAX_VALUE : Long.MAX_VALUE;
        if (shape.has("min") && shape.get("min").asLong() > low) {
            add(out, base, path, Kind.OUT_OF_RANGE, NODES.numberNode(shape.get("min").asLong() - 1));
        }
        if (shape.has("max") && shape.get("max").asLong() < high) {
            add(out, base, path, Kind.OUT_OF_RANGE, NODES.numberNode(shape.get("max").asLong() + 1));
        }
        if (!shape.has("max")) {
            // allowed by the model, so a service may take them, but they must not break it
            out.add(new Mutation(display(path), Kind.NEAR_LIMIT, with(base, path, NODES.numberNode(high)), false));
        }
    }

    private void blobs(JsonNode shape, ObjectNode base, List<Step> path, List<Mutation> out) {
        add(out, base, path, Kind.WRONG_TYPE, NODES.numberNode(7));
        add(out, base, path, Kind.BAD_BASE64, NODES.textNode("not base64!"));
        int tooMany = TextRules.maxBlobBytes(shape) + 1;
        if (tooMany <= LARGEST_BLOB_SENT) {
            add(out, base, path, Kind.TOO_LONG, NODES.textNode(Base64.getEncoder().encodeToString(new byte[tooMany])));
        } else {
            bodyLimitSkipped++;
        }
    }

    private void add(List<Mutation> out, ObjectNode base, List<Step> path, Kind kind, JsonNode value) {
        out.add(new Mutation(display(path), kind, with(base, path, value), true));
    }

    private ArrayNode listOf(String element, String wire, int count) {
        var list = NODES.arrayNode();
        for (int i = 0; i < count; i++) {
            list.add(sample(element, wire));
        }
        return list;
    }

    /** The base input with {@code value} at {@code path}, any missing parent made from its shape's sample. */
    private ObjectNode with(ObjectNode base, List<Step> path, JsonNode value) {
        ObjectNode root = base.deepCopy();
        JsonNode node = root;
        for (int i = 0; i < path.size(); i++) {
            Step step = path.get(i);
            boolean last = i == path.size() - 1;
            JsonNode child = last ? value : childOf(node, step);
            if (child == null) {
                child = sample(step.shape(), step.isIndex() ? "" : step.field());
            }
            if (step.isIndex()) {
                var array = (ArrayNode) node;
                if (array.isEmpty()) {
                    array.add(child);
                } else {
                    array.set(0, child);
                }
            } else {
                ((ObjectNode) node).set(step.field(), child);
            }
            node = child;
        }
        return root;
    }

    private static JsonNode childOf(JsonNode node, Step step) {
        JsonNode child = step.isIndex() ? node.get(step.index()) : node.get(step.field());
        return child == null || child.isNull() ? null : child;
    }

    /** A valid value of a shape: required members only, one element in a list, one entry in a map. */
    JsonNode sample(String shapeName, String wire) {
        JsonNode shape = model.shape(shapeName);
        return switch (shape.path("type").asText()) {
            case "structure" -> {
                var object = NODES.objectNode();
                var members = shape.path("members");
                for (JsonNode required : shape.path("required")) {
                    JsonNode member = members.path(required.asText());
                    String memberWire = member.path("locationName").asText(required.asText());
                    object.set(memberWire, sample(member.path("shape").asText(), memberWire));
                }
                yield object;
            }
            case "list" -> {
                var list = NODES.arrayNode();
                for (int i = 0; i < Math.max(1, shape.path("min").asInt()); i++) {
                    list.add(sample(shape.path("member").path("shape").asText(), wire));
                }
                yield list;
            }
            case "map" -> NODES.objectNode().set("sample", sample(shape.path("value").path("shape").asText(), wire));
            case "string" -> NODES.textNode(sampleText(shape, wire));
            case "integer", "long" -> NODES.numberNode(Math.max(1, shape.path("min").asLong(1)));
            case "double" -> NODES.numberNode(1.0);
            case "boolean" -> NODES.booleanNode(false);
            case "blob" -> NODES.textNode("c2FtcGxl");
            case "timestamp" -> NODES.numberNode(1_700_000_000);
            default -> NODES.nullNode();
        };
    }

    private String sampleText(JsonNode shape, String wire) {
        if (known.containsKey(wire)) {
            return known.get(wire);
        }
        if (shape.has("enum")) {
            return shape.get("enum").get(0).asText();
        }
        int min = shape.path("min").asInt(0);
        int max = shape.path("max").asInt(Integer.MAX_VALUE);
        var pattern = Pattern.compile(shape.path("pattern").asText(""));
        for (String candidate : PATTERN_SAMPLES) {
            String padded = candidate.length() < min ? candidate + "0".repeat(min - candidate.length()) : candidate;
            if (padded.length() <= max && pattern.matcher(padded).find()) {
                return padded;
            }
        }
        throw new IllegalStateException("No sample for " + wire + " matches " + shape);
    }

    private static List<Step> append(List<Step> path, Step step) {
        var longer = new ArrayList<>(path);
        longer.add(step);
        return longer;
    }

    private static String display(List<Step> path) {
        var text = new StringBuilder();
        for (Step step : path) {
            if (step.isIndex()) {
                text.append('[').append(step.index()).append(']');
            } else {
                text.append(text.length() == 0 ? "" : ".").append(step.field());
            }
        }
        return text.toString();
    }
}
