package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;
import io.streamplane.testkit.StreamplaneFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/round-trip.md says, for every operation the server serves, what each member of its input does
 * here. This keeps it true: the operations it lists are exactly those the running server serves, and
 * each lists exactly the members its model has, each under one treatment.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoundTripTableIT {
    private static final Map<String, String> SECTIONS = Map.of("kafka", "## Amazon MSK", "kafkaconnect",
            "## MSK Connect", "secretsmanager", "## Secrets Manager", "acm-pca", "## Private CA");
    private static final Pattern ROW = Pattern.compile("^\\| (\\w+) \\|(.*)\\|(.*)\\|(.*)\\|$");
    private static final Pattern MEMBER = Pattern.compile("`([^`]+)`");
    private static final ObjectMapper JSON = new ObjectMapper();
    private StreamplaneFixture streamplane;

    @BeforeAll
    void start() {
        streamplane = StreamplaneFixture.start();
    }

    @AfterAll
    void stop() {
        streamplane.close();
    }

    @Test
    void theTable_listsEveryMemberOfEveryServedOperation_underOneTreatment() throws Exception {
        String doc = Files.readString(Path.of("..", "docs", "round-trip.md"));
        int members = 0;
        for (var section : SECTIONS.entrySet()) {
            var model = ServiceModel.load("/aws-models/" + section.getKey() + ".service.json");
            var documented = table(doc, section.getValue());
            var served = served(model);
            assertThat(documented.keySet()).as(section.getKey() + ": the operations listed are those served")
                    .containsExactlyInAnyOrderElementsOf(served.keySet());
            for (var operation : served.entrySet()) {
                var rows = documented.get(operation.getKey());
                var listed = new ArrayList<String>();
                rows.forEach(listed::addAll);
                assertThat(new HashSet<>(listed)).as(operation.getKey() + ": a member under one treatment only")
                        .hasSameSizeAs(listed);
                assertThat(new TreeSet<>(listed)).as(operation.getKey() + ": every member of the model, and no other")
                        .isEqualTo(operation.getValue());
                members += listed.size();
            }
        }
        assertThat(members).as("members documented").isGreaterThan(500);
    }

    /** The served operations of the service with input members, each with its members' wire paths. */
    private Map<String, Set<String>> served(ServiceModel model) throws Exception {
        var calls = new ModelCalls(model, streamplane.endpoint());
        var served = new TreeMap<String, Set<String>>();
        for (OperationModel operation : model.operations()) {
            if (operation.inputShape().isEmpty()) {
                continue;
            }
            var input = JSON.createObjectNode();
            model.shape(operation.inputShape().get()).path("members").properties().forEach(m -> {
                if (m.getValue().path("location").asText().equals("uri")) {
                    input.put(m.getValue().path("locationName").asText(m.getKey()), "x");
                }
            });
            var response = calls.send(operation, input);
            boolean unserved = response.statusCode() == 501
                    || response.body().contains("is not implemented by this Streamplane server");
            if (!unserved) {
                var paths = new TreeSet<String>();
                leaves(model, operation.inputShape().get(), "", new HashSet<>(), paths);
                served.put(operation.name(), paths);
            }
        }
        return served;
    }

    /** Leaf members by wire path: a structure's members nested with '.', a list of structures with '[].'. */
    private static void leaves(ServiceModel model, String shapeName, String prefix, Set<String> seen, Set<String> out) {
        boolean restJson = model.targetPrefix().isEmpty();
        model.shape(shapeName).path("members").properties().forEach(entry -> {
            JsonNode member = entry.getValue();
            String name = restJson ? member.path("locationName").asText(entry.getKey()) : entry.getKey();
            String target = member.path("shape").asText();
            JsonNode shape = model.shape(target);
            String type = shape.path("type").asText();
            if (type.equals("structure") && !seen.contains(target)) {
                leaves(model, target, prefix + name + ".", with(seen, target), out);
            } else if (type.equals("list") && model.shape(shape.path("member").path("shape").asText()).path("type")
                    .asText().equals("structure")) {
                String element = shape.path("member").path("shape").asText();
                leaves(model, element, prefix + name + "[].", with(seen, element), out);
            } else {
                out.add(prefix + name);
            }
        });
    }

    private static Set<String> with(Set<String> seen, String shape) {
        var more = new HashSet<>(seen);
        more.add(shape);
        return more;
    }

    /** The rows of one service's table: operation, then the members of each treatment's cell. */
    private static Map<String, List<List<String>>> table(String doc, String heading) {
        int start = doc.indexOf(heading);
        assertThat(start).as("the section " + heading).isNotNegative();
        int end = doc.indexOf("\n## ", start + heading.length());
        var rows = new LinkedHashMap<String, List<List<String>>>();
        for (String line : doc.substring(start, end < 0 ? doc.length() : end).split("\n")) {
            Matcher row = ROW.matcher(line);
            if (!row.matches() || row.group(1).equals("operation")) {
                continue;
            }
            var cells = new ArrayList<List<String>>();
            for (int cell = 2; cell <= 4; cell++) {
                var names = new ArrayList<String>();
                Matcher member = MEMBER.matcher(row.group(cell));
                while (member.find()) {
                    names.add(member.group(1));
                }
                cells.add(names);
            }
            assertThat(rows.put(row.group(1), cells)).as(row.group(1) + " listed once").isNull();
        }
        return rows;
    }
}
