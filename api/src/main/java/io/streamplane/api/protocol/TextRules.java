package io.streamplane.api.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What the server adds to the models' bounds on text. The MSK models leave almost every string
 * unbounded ({@code __string}) and no model says which characters a name may hold, so without these
 * rules a 5,000-character subnet reached a database column and a newline reached a properties file.
 * Names, identifiers and ARNs are printable ASCII; free text (descriptions, tags, S3 keys, the
 * values of a connector's configuration) may hold any character but a control character; a secret's
 * own value may hold anything.
 */
public final class TextRules {
    /** The longest string a model leaves unbounded, for names, identifiers and descriptions. */
    public static final int UNBOUNDED_MAX = 1024;
    /**
     * The longest map value or sensitive string a model leaves unbounded: a connector's
     * configuration value, a worker configuration's properties file.
     */
    public static final int LONG_TEXT_MAX = 65_536;
    /** The most bytes a blob the model leaves unbounded may decode to: a configuration's properties. */
    public static final int BLOB_MAX = 100_000;

    private static final Set<String> OPAQUE_SHAPES = Set.of("SecretStringType");
    private static final String SENSITIVE_STRING = "__sensitiveString";
    private static final Set<String> FREE_TEXT_MEMBERS = Set.of("fileKey", "prefix", "objectVersion", "policy");
    /**
     * Documents the MSK model types as plain strings: a cluster policy (IAM JSON, which may run on
     * lines) and a topic's base64-encoded configs, both longer than a name.
     */
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("policy", "configs");

    private TextRules() {
    }

    /** Where a string sits in its input: a member, or a map's key or value. */
    public enum Place { MEMBER, MAP_KEY, MAP_VALUE }

    /** The most characters a string of this shape may have, the model's own bound first. */
    public static int maxLength(String shapeName, JsonNode shape, String wireName, Place place) {
        if (shape.has("max")) {
            return shape.get("max").asInt();
        }
        boolean longText = place == Place.MAP_VALUE || shapeName.equals(SENSITIVE_STRING)
                || (place == Place.MEMBER && DOCUMENT_MEMBERS.contains(wireName));
        return longText ? LONG_TEXT_MAX : UNBOUNDED_MAX;
    }

    /** The most bytes a blob of this shape may decode to. */
    public static int maxBlobBytes(JsonNode shape) {
        return shape.has("max") ? shape.get("max").asInt() : BLOB_MAX;
    }

    /** True when a string may hold line breaks and non-ASCII characters. */
    public static boolean freeText(String shapeName, String wireName, Place place) {
        return place != Place.MEMBER || OPAQUE_SHAPES.contains(shapeName) || shapeName.equals(SENSITIVE_STRING)
                || FREE_TEXT_MEMBERS.contains(wireName)
                || wireName.toLowerCase(Locale.ROOT).endsWith("description");
    }

    /**
     * Why the text breaks the character rules of its member, if it does. A shape with its own
     * pattern is held to that pattern instead of the ASCII rule, but to the control-character rule
     * all the same: models' patterns are unanchored, so they seldom exclude a character.
     */
    public static Optional<String> characterViolation(String shapeName, JsonNode shape, String wireName,
                                                      Place place, String text) {
        if (OPAQUE_SHAPES.contains(shapeName)) {
            return Optional.empty();
        }
        boolean free = freeText(shapeName, wireName, place);
        boolean patterned = shape.has("pattern");
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            boolean lineBreakOrTab = c == '\t' || c == '\n' || c == '\r';
            if (Character.getType(c) == Character.CONTROL && !lineBreakOrTab) {
                return Optional.of("must not contain control characters");
            }
            if (!free && !patterned && (lineBreakOrTab || c > 0x7e)) {
                return Optional.of("must hold printable ASCII characters only");
            }
            i += Character.charCount(c);
        }
        return Optional.empty();
    }
}
