package io.streamplane.core.tag;

import io.streamplane.core.error.InvalidRequest;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * AWS's rules for tags, checked before anything is written: keys of 1 to 128 characters and values
 * of up to 256, of letters, digits, spaces and {@code _.:/=+-@}; no key starting with {@code aws:};
 * at most so many on one resource (MSK 50, MSK Connect 200, Secrets Manager 50).
 */
public final class TagRules {
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;
    private static final Pattern CHARACTERS = Pattern.compile("[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*");

    private TagRules() {
    }

    /** @param field the request member the tags came in, such as {@code tags} or {@code Tags} */
    public static void check(Map<String, String> tags, int maxTags, String field) {
        if (tags.size() > maxTags) {
            throw new InvalidRequest(field, "A resource can have at most " + maxTags + " tags; this request would "
                    + "leave " + tags.size());
        }
        tags.forEach((key, value) -> {
            if (key.isEmpty() || key.length() > MAX_KEY_LENGTH) {
                throw new InvalidRequest(field, "Tag keys must be 1 to " + MAX_KEY_LENGTH + " characters, got one of "
                        + key.length());
            }
            if (value.length() > MAX_VALUE_LENGTH) {
                throw new InvalidRequest(field, "Tag values must be at most " + MAX_VALUE_LENGTH + " characters; the "
                        + "value of '" + key + "' has " + value.length());
            }
            if (!CHARACTERS.matcher(key).matches() || !CHARACTERS.matcher(value).matches()) {
                throw new InvalidRequest(field, "Tags may hold letters, digits, spaces and _.:/=+-@ only; the tag '"
                        + (CHARACTERS.matcher(key).matches() ? key : "(its key)") + "' has others");
            }
            if (key.startsWith("aws:")) {
                throw new InvalidRequest(field, "Tag keys starting with 'aws:' are reserved, got '" + key + "'");
            }
        });
    }
}
