package io.streamplane.core.secrets;

import io.streamplane.core.error.InvalidRequest;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;

/** Secrets Manager's GetRandomPassword: a password of the character classes asked for, from a secure random source. */
public final class RandomPasswords {
    public static final int DEFAULT_LENGTH = 32;
    private static final String UPPERCASE = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final String LOWERCASE = "abcdefghijklmnopqrstuvwxyz";
    private static final String NUMBERS = "0123456789";
    /** The punctuation Secrets Manager draws from. */
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
    private final SecureRandom random = new SecureRandom();

    /** Which characters a password may hold, and whether it must hold one of each class it may. */
    public record Rules(int length, String excludeCharacters, boolean excludeNumbers, boolean excludePunctuation,
                        boolean excludeUppercase, boolean excludeLowercase, boolean includeSpace,
                        boolean requireEachIncludedType) {
    }

    public String generate(Rules rules) {
        var classes = new ArrayList<String>();
        add(classes, !rules.excludeUppercase(), UPPERCASE, rules);
        add(classes, !rules.excludeLowercase(), LOWERCASE, rules);
        add(classes, !rules.excludeNumbers(), NUMBERS, rules);
        add(classes, !rules.excludePunctuation(), PUNCTUATION, rules);
        add(classes, rules.includeSpace(), " ", rules);
        if (classes.isEmpty()) {
            throw new InvalidRequest("ExcludeCharacters", "The password rules exclude every character");
        }
        if (rules.requireEachIncludedType() && rules.length() < classes.size()) {
            throw new InvalidRequest("PasswordLength", "PasswordLength " + rules.length() + " is too short to hold "
                    + "one character of each of the " + classes.size() + " included types");
        }
        String all = String.join("", classes);
        var chars = new ArrayList<Character>();
        if (rules.requireEachIncludedType()) {
            classes.forEach(c -> chars.add(pick(c)));
        }
        while (chars.size() < rules.length()) {
            chars.add(pick(all));
        }
        Collections.shuffle(chars, random);
        return chars.stream().map(String::valueOf).collect(Collectors.joining());
    }

    private static void add(List<String> classes, boolean included, String characters, Rules rules) {
        if (!included) {
            return;
        }
        String allowed = characters.chars().filter(c -> rules.excludeCharacters().indexOf(c) < 0)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        if (!allowed.isEmpty()) {
            classes.add(allowed);
        }
    }

    private char pick(String characters) {
        return characters.charAt(random.nextInt(characters.length()));
    }
}
