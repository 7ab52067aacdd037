package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageTest {
    private static final List<Integer> ITEMS = List.of(1, 2, 3, 4, 5);

    @Test
    void of_walksThroughAllItemsWithTokens() {
        var first = Page.of(ITEMS, Optional.of(2), Optional.empty());
        var second = Page.of(ITEMS, Optional.of(2), first.nextToken());
        var third = Page.of(ITEMS, Optional.of(2), second.nextToken());

        assertThat(first.items()).containsExactly(1, 2);
        assertThat(second.items()).containsExactly(3, 4);
        assertThat(third.items()).containsExactly(5);
        assertThat(third.nextToken()).isEmpty();
    }

    @Test
    void of_refusesAForgedToken() {
        assertThatThrownBy(() -> Page.of(ITEMS, Optional.empty(), Optional.of("not-a-token")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("nextToken");
    }
}
