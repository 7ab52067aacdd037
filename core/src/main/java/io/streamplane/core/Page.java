package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/** One page of a listing, with the opaque token for the next page when there is one. */
public record Page<T>(List<T> items, Optional<String> nextToken) {

    public static final int DEFAULT_PAGE_SIZE = 100;

    /** Cuts a page out of a full listing; tokens encode the offset of the next item. */
    public static <T> Page<T> of(List<T> all, Optional<Integer> maxResults, Optional<String> nextToken) {
        int offset = nextToken.map(Page::decode).orElse(0);
        if (offset > all.size()) {
            throw new InvalidRequest("nextToken", "The nextToken is not valid for this listing");
        }
        int size = maxResults.orElse(DEFAULT_PAGE_SIZE);
        int end = Math.min(all.size(), offset + size);
        var next = end < all.size() ? Optional.of(encode(end)) : Optional.<String>empty();
        return new Page<>(List.copyOf(all.subList(offset, end)), next);
    }

    private static String encode(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(("offset:" + offset).getBytes(StandardCharsets.UTF_8));
    }

    private static int decode(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("offset:")) {
                throw new IllegalArgumentException(text);
            }
            int offset = Integer.parseInt(text.substring("offset:".length()));
            if (offset < 0) {
                throw new IllegalArgumentException(text);
            }
            return offset;
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("nextToken", "The nextToken is not valid: " + token);
        }
    }
}
