package io.streamplane.core.tag;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TagRulesTest {

    @Test
    void tagsAsAwsAllowsThem_pass() {
        assertThatCode(() -> TagRules.check(Map.of("team", "data", "k".repeat(128), "v".repeat(256),
                "cost-center:a/b=c+d@e", "", "Équipe 1", "données"), 50, "tags")).doesNotThrowAnyException();
    }

    @Test
    void aKeyBeyond128_aValueBeyond256_orAnEmptyKey_isRefusedNamingTheMember() {
        assertThatThrownBy(() -> TagRules.check(Map.of("k".repeat(129), "v"), 50, "tags"))
                .isInstanceOfSatisfying(InvalidRequest.class, e -> assertThat(e.field()).contains("tags"))
                .hasMessage("Tag keys must be 1 to 128 characters, got one of 129");
        assertThatThrownBy(() -> TagRules.check(Map.of("k", "v".repeat(257)), 50, "Tags"))
                .hasMessage("Tag values must be at most 256 characters; the value of 'k' has 257");
        assertThatThrownBy(() -> TagRules.check(Map.of("", "v"), 50, "tags"))
                .hasMessage("Tag keys must be 1 to 128 characters, got one of 0");
    }

    @Test
    void controlCharacters_reservedKeys_andTooManyTags_areRefused() {
        assertThatThrownBy(() -> TagRules.check(Map.of("a\nb", "v"), 50, "tags"))
                .hasMessageContaining("letters, digits, spaces and _.:/=+-@ only");
        assertThatThrownBy(() -> TagRules.check(Map.of("aws:owner", "v"), 50, "tags"))
                .hasMessage("Tag keys starting with 'aws:' are reserved, got 'aws:owner'");
        var many = new HashMap<String, String>();
        for (int i = 0; i < 51; i++) {
            many.put("k" + i, "v");
        }
        assertThatThrownBy(() -> TagRules.check(many, 50, "tags"))
                .hasMessage("A resource can have at most 50 tags; this request would leave 51");
    }
}
