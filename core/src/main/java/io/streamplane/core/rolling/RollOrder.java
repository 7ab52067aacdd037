package io.streamplane.core.rolling;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

/** In what order nodes restart: brokers by id, controllers one at a time, the active controller last. */
public final class RollOrder {
    private RollOrder() {
    }

    /** Brokers by id; a broker that is the controller (on a ZooKeeper cluster) last. */
    public static List<Integer> brokers(List<Integer> brokerIds, OptionalInt controllerBroker) {
        var order = new ArrayList<Integer>();
        brokerIds.stream().sorted().filter(id -> controllerBroker.isEmpty() || id != controllerBroker.getAsInt())
                .forEach(order::add);
        if (controllerBroker.isPresent() && brokerIds.contains(controllerBroker.getAsInt())) {
            order.add(controllerBroker.getAsInt());
        }
        return List.copyOf(order);
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
