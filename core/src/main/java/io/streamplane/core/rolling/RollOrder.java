package io.streamplane.core.rolling;

import java.util.ArrayList;
import java.util.List;

/** In what order nodes restart: brokers by id; controllers one at a time with the active one last. */
public final class RollOrder {
    private RollOrder() {
    }

    public static List<Integer> controllers(List<Integer> controllerIds, int activeControllerId) {
        var order = new ArrayList<Integer>();
        controllerIds.stream().sorted().filter(id -> id != activeControllerId).forEach(order::add);
        if (controllerIds.contains(activeControllerId)) {
            order.add(activeControllerId);
        }
        return List.copyOf(order);
    }
}
