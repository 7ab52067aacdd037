package io.streamplane.core;

import io.streamplane.core.error.InvalidRequest;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Cuts a page out of a listing in {@code key} order that may change between pages: the token
     * names the last key given, so the next page starts after it whatever was added or removed.
     */
    public static <T> Page<T> after(List<T> sorted, Function<T, String> key, Optional<Integer> maxResults,
            Optional<String> nextToken) {
        var last = nextToken.map(Page::decodeKey);
        var rest = sorted.stream().filter(item -> last.map(l -> key.apply(item).compareTo(l) > 0).orElse(true))
                .toList();
        int size = maxResults.orElse(DEFAULT_PAGE_SIZE);
        if (rest.size() <= size) {
            return new Page<>(rest, Optional.empty());
        }
        var items = rest.subList(0, size);
        return new Page<>(List.copyOf(items), Optional.of(encodeKey(key.apply(items.get(size - 1)))));
    }

    private static String encodeKey(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("after:" + key).getBytes(StandardCharsets.UTF_8));
    }

    private static String decodeKey(String token) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!text.startsWith("after:")) {
                throw new IllegalArgumentException(text);
            }
            return text.substring("after:".length());
        } catch (IllegalArgumentException e) {
            throw new InvalidRequest("nextToken", "The nextToken is not valid: " + token);
        }
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
