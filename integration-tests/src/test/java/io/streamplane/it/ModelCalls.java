package io.streamplane.it;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.streamplane.api.model.OperationModel;
import io.streamplane.api.model.ServiceModel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends an operation's input as a client generated from the service model would: rest-json members
 * in the URI, query string, headers and body where the model puts them, or a JSON 1.1 body named by
 * {@code X-Amz-Target}. Unlike an SDK client it sends whatever input it is given.
 */
final class ModelCalls {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LABEL = Pattern.compile("\\{(\\w+)(\\+?)}");
    private final ServiceModel model;
    private final SignedHttp http;

    ModelCalls(ServiceModel model, URI endpoint) {
        this.model = model;
        this.http = new SignedHttp(endpoint, model.signingName());
    }

    ServiceModel model() {
        return model;
    }

    HttpResponse<String> send(OperationModel operation, ObjectNode input) throws IOException, InterruptedException {
        if (!model.targetPrefix().isEmpty()) {
            return http.send("POST", "/", Map.of(), Map.of(
                    "Content-Type", "application/x-amz-json-1.1",
                    "X-Amz-Target", model.targetPrefix() + "." + operation.name()), JSON.writeValueAsString(input));
        }
        var labels = new LinkedHashMap<String, String>();
        var query = new LinkedHashMap<String, List<String>>();
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        var body = JSON.createObjectNode();
        JsonNode members = operation.inputShape().map(s -> model.shape(s).path("members")).orElse(JSON.createObjectNode());
        members.properties().forEach(entry -> {
            String wire = entry.getValue().path("locationName").asText(entry.getKey());
            JsonNode value = input.get(wire);
            if (value == null) {
                return;
            }
            switch (entry.getValue().path("location").asText("")) {
                case "uri" -> labels.put(wire, value.isTextual() ? value.asText() : value.toString());
                case "querystring" -> query.put(wire, queryValues(value));
                case "header" -> headers.put(wire, value.isTextual() ? value.asText() : value.toString());
                default -> body.set(wire, value);
            }
        });
        String path = pathOf(operation.uri().toString(), labels);
        int queryStart = path.indexOf('?');
        if (queryStart >= 0) {
            // a literal query in the model's URI, such as ?list: kept as it is written
            for (String pair : path.substring(queryStart + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.computeIfAbsent(kv[0], k -> new ArrayList<>()).add(kv.length > 1 ? kv[1] : "");
            }
            path = path.substring(0, queryStart);
        }
        boolean hasBody = !body.isEmpty() || !List.of("GET", "DELETE", "HEAD").contains(operation.method());
        return http.send(operation.method(), path, query, headers, hasBody ? JSON.writeValueAsString(body) : "");
    }

    private static List<String> queryValues(JsonNode value) {
        var values = new ArrayList<String>();
        if (value.isArray()) {
            value.forEach(v -> values.add(v.isTextual() ? v.asText() : v.toString()));
        } else {
            values.add(value.isTextual() ? value.asText() : value.toString());
        }
        return values;
    }

    private static String pathOf(String template, Map<String, String> labels) {
        Matcher m = LABEL.matcher(template);
        var out = new StringBuilder();
        while (m.find()) {
            String value = labels.getOrDefault(m.group(1), "");
            String encoded = URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
            if (!m.group(2).isEmpty()) {
                encoded = encoded.replace("%2F", "/");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(encoded));
        }
        m.appendTail(out);
        return out.toString();
    }
}
