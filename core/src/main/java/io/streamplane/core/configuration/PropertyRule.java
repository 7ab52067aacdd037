package io.streamplane.core.configuration;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What values one configurable broker property accepts; answers why a value is refused. */
@FunctionalInterface
interface PropertyRule {

    /** Empty if the value is acceptable, otherwise the reason it is not. */
    Optional<String> check(String value);

    static PropertyRule integer(long min, long max) {
        return whole(min, max, Integer.MIN_VALUE, Integer.MAX_VALUE, "an integer");
    }

    static PropertyRule longValue(long min, long max) {
        return whole(min, max, Long.MIN_VALUE, Long.MAX_VALUE, "a long integer");
    }

    private static PropertyRule whole(long min, long max, long typeMin, long typeMax, String kind) {
        return value -> {
            long parsed;
            try {
                parsed = Long.parseLong(value.strip());
            } catch (NumberFormatException e) {
                return Optional.of("must be " + kind + ", got '" + value + "'");
            }
            if (parsed < typeMin || parsed > typeMax) {
                return Optional.of("must be " + kind + ", got '" + value + "'");
            }
            if (parsed < min || parsed > max) {
                return Optional.of("must be between " + min + " and " + max + ", got " + parsed);
            }
            return Optional.empty();
        };
    }

    static PropertyRule decimal(double min, double max) {
        return value -> {
            try {
                double parsed = Double.parseDouble(value.strip());
                return parsed < min || parsed > max
                        ? Optional.of("must be between " + min + " and " + max + ", got " + parsed)
                        : Optional.empty();
            } catch (NumberFormatException e) {
                return Optional.of("must be a number, got '" + value + "'");
            }
        };
    }

    static PropertyRule bool() {
        return oneOf("true", "false");
    }

    static PropertyRule oneOf(String... allowed) {
        var values = Set.of(allowed);
        return value -> values.contains(value.strip()) ? Optional.empty()
                : Optional.of("must be one of " + Arrays.toString(allowed) + ", got '" + value + "'");
    }

    /** A comma-separated list whose every item is one of the allowed values. */
    static PropertyRule listOf(String... allowed) {
        var single = oneOf(allowed);
        return value -> List.of(value.split(",")).stream().map(String::strip).map(single::check)
                .flatMap(Optional::stream).findFirst();
    }

    static PropertyRule className() {
        return value -> value.strip().matches("[A-Za-z_$][\\w$]*(\\.[A-Za-z_$][\\w$]*)*") ? Optional.empty()
                : Optional.of("must be a fully qualified Java class name, got '" + value + "'");
    }
}
