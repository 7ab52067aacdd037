package io.streamplane.core.placement;

import io.streamplane.core.cluster.AvailabilityZone;
import io.streamplane.core.error.InvalidRequest;
import io.streamplane.core.node.NodeRole;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ZonePlacementTest {
    private static final List<String> THREE_SUBNETS = List.of("subnet-a", "subnet-b", "subnet-c");

    @Test
    void zonesFor_mapsEachSubnetToItsOwnZoneInOrder() {
        var zones = ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS);

        assertThat(zones).containsExactly(
                new AvailabilityZone("us-east-1a", "use1-az1", "subnet-a"),
                new AvailabilityZone("us-east-1b", "use1-az2", "subnet-b"),
                new AvailabilityZone("us-east-1c", "use1-az3", "subnet-c"));
    }

    @Test
    void zonesFor_abbreviatesTheRegionInZoneIds() {
        assertThat(ZonePlacement.zonesFor("eu-west-2", List.of("s1", "s2")).get(1).id()).isEqualTo("euw2-az2");
    }

    @Test
    void zonesFor_refusesOneOrFourSubnetsAndRepeatedSubnets() {
        assertThatThrownBy(() -> ZonePlacement.zonesFor("us-east-1", List.of("s1")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("2 or 3 subnets");
        assertThatThrownBy(() -> ZonePlacement.zonesFor("us-east-1", List.of("s1", "s2", "s3", "s4")))
                .isInstanceOf(InvalidRequest.class);
        assertThatThrownBy(() -> ZonePlacement.zonesFor("us-east-1", List.of("s1", "s1")))
                .isInstanceOf(InvalidRequest.class).hasMessageContaining("twice");
    }

    @Test
    void place_spreadsSixBrokersEvenlyOverThreeZones() {
        var nodes = ZonePlacement.place(ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS), 6, NodeRole.CONTROLLER);

        var brokersPerZone = nodes.stream().filter(n -> n.role() == NodeRole.BROKER)
                .collect(Collectors.groupingBy(n -> n.zone().id(), Collectors.counting()));
        assertThat(brokersPerZone).containsExactlyInAnyOrderEntriesOf(
                Map.of("use1-az1", 2L, "use1-az2", 2L, "use1-az3", 2L));
        assertThat(nodes.stream().filter(n -> n.role() == NodeRole.BROKER).map(PlannedNode::nodeId))
                .containsExactly(1, 2, 3, 4, 5, 6);
    }

    @Test
    void place_putsOneControllerInEachOfThreeZones() {
        var controllers = ZonePlacement.place(ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS), 3, NodeRole.CONTROLLER)
                .stream()
                .filter(n -> n.role() == NodeRole.CONTROLLER).toList();

        assertThat(controllers).hasSize(3);
        assertThat(controllers.stream().map(n -> n.zone().id()).distinct()).hasSize(3);
        assertThat(controllers.stream().map(PlannedNode::nodeId)).containsExactly(3001, 3002, 3003);
    }

    @Test
    void place_forAZooKeeperCluster_putsOneZooKeeperServerInEachZone_andNoController() {
        var nodes = ZonePlacement.place(ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS), 3, NodeRole.ZOOKEEPER);

        var zookeepers = nodes.stream().filter(n -> n.role() == NodeRole.ZOOKEEPER).toList();
        assertThat(zookeepers.stream().map(n -> n.zone().id()).distinct()).hasSize(3);
        assertThat(zookeepers.stream().map(PlannedNode::nodeId)).containsExactly(3001, 3002, 3003);
        assertThat(nodes).noneMatch(n -> n.role() == NodeRole.CONTROLLER);
    }

    @Test
    void place_withTwoZones_stillRunsThreeControllersOverBothZones() {
        var controllers = ZonePlacement.place(ZonePlacement.zonesFor("us-east-1", List.of("s1", "s2")), 2, NodeRole.CONTROLLER)
                .stream()
                .filter(n -> n.role() == NodeRole.CONTROLLER)
                .collect(Collectors.groupingBy(n -> n.zone().id(), Collectors.counting()));

        assertThat(controllers).containsExactlyInAnyOrderEntriesOf(Map.of("use1-az1", 2L, "use1-az2", 1L));
    }

    @Test
    void place_refusesABrokerCountThatIsNotAMultipleOfTheZoneCount() {
        var zones = ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS);

        assertThatThrownBy(() -> ZonePlacement.place(zones, 4, NodeRole.CONTROLLER))
                .isInstanceOf(InvalidRequest.class)
                .hasMessage("numberOfBrokerNodes must be a multiple of 3 (the number of client subnets), got 4")
                .extracting(e -> ((InvalidRequest) e).field().orElseThrow()).isEqualTo("numberOfBrokerNodes");
    }

    @Test
    void place_givesEveryNodeAUniqueId() {
        var nodes = ZonePlacement.place(ZonePlacement.zonesFor("us-east-1", THREE_SUBNETS), 15, NodeRole.CONTROLLER);
        assertThat(nodes.stream().collect(Collectors.toMap(PlannedNode::nodeId, Function.identity()))).hasSize(18);
    }
}
