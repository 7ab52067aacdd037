package io.streamplane.runtime.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.streamplane.core.connect.ConnectWorkers.ConnectorControl;
import io.streamplane.core.connect.ConnectWorkers.ConnectorStatus;
import io.streamplane.core.connect.ConnectWorkers.TaskStatus;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;

/** Kafka Connect's REST API on a worker of this machine, at {@code http://127.0.0.1:PORT}. */
final class ConnectRestClient {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1).build();

    /** Whether the worker serves requests about connectors, which it does once it has joined its group. */
    boolean ready(int port, Optional<String> authorization) {
        try {
            return send(port, authorization, HttpRequest.newBuilder(uri(port, "/connectors")).timeout(Duration.ofSeconds(5)).GET())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    void putConnectorConfig(int port, Optional<String> authorization, String name, Map<String, String> configuration) {
        try {
            var response = send(port, authorization, HttpRequest.newBuilder(uri(port, "/connectors/" + encode(name) + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(MAPPER.writeValueAsString(configuration))));
            if (response.statusCode() != 200 && response.statusCode() != 201) {
                throw new IllegalStateException("Kafka Connect refused the connector's configuration ("
                        + response.statusCode() + "): " + message(response.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect did not answer: " + e.getMessage(), e);
        }
    }

    Optional<ConnectorStatus> status(int port, Optional<String> authorization, String name) {
        try {
            var response = send(port, authorization, HttpRequest.newBuilder(uri(port, "/connectors/" + encode(name) + "/status"))
                    .GET());
            if (response.statusCode() != 200) {
                return Optional.empty();
            }
            JsonNode body = MAPPER.readTree(response.body());
            var tasks = new ArrayList<TaskStatus>();
            body.path("tasks").forEach(t -> tasks.add(new TaskStatus(t.path("id").asInt(), t.path("state").asText(),
                    text(t, "trace"))));
            return Optional.of(new ConnectorStatus(body.path("connector").path("state").asText(),
                    text(body.path("connector"), "trace"), tasks));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    void deleteConnector(int port, Optional<String> authorization, String name) {
        try {
            var response = send(port, authorization, HttpRequest.newBuilder(uri(port, "/connectors/" + encode(name))).DELETE());
            if (response.statusCode() >= 300 && response.statusCode() != 404) {
                throw new IllegalStateException("Kafka Connect did not delete the connector (" + response.statusCode()
                        + "): " + message(response.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect did not answer: " + e.getMessage(), e);
        }
    }

    /**
     * Asks Connect to pause, resume or restart the connector: {@code PUT .../pause}, {@code PUT
     * .../resume}, or {@code POST .../restart?...} (KIP-745: the connector with its tasks, or only those
     * that failed). Connect answers at once and carries the change out on the worker that runs it.
     */
    void control(int port, Optional<String> authorization, String name, ConnectorControl control) {
        String path = "/connectors/" + encode(name) + switch (control) {
            case PAUSE -> "/pause";
            case RESUME -> "/resume";
            case RESTART -> "/restart?includeTasks=true&onlyFailed=false";
            case RESTART_FAILED_TASKS -> "/restart?includeTasks=true&onlyFailed=true";
        };
        var request = HttpRequest.newBuilder(uri(port, path));
        if (control == ConnectorControl.PAUSE || control == ConnectorControl.RESUME) {
            request.PUT(HttpRequest.BodyPublishers.noBody());
        } else {
            request.POST(HttpRequest.BodyPublishers.noBody());
        }
        try {
            var response = send(port, authorization, request);
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("Kafka Connect refused " + control + " of the connector ("
                        + response.statusCode() + "): " + message(response.body()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Kafka Connect did not answer: " + e.getMessage(), e);
        }
    }

    /** @param authorization the connector's credentials; empty for a worker started before workers had any */
    private HttpResponse<String> send(int port, Optional<String> authorization, HttpRequest.Builder request)
            throws IOException {
        authorization.ifPresent(value -> request.header("Authorization", value));
        try {
            return http.send(request.timeout(REQUEST_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while talking to the worker on port " + port, e);
        }
    }

    private static URI uri(int port, String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static Optional<String> text(JsonNode node, String field) {
        var value = node.get(field);
        return value == null || value.isNull() ? Optional.empty() : Optional.of(value.asText());
    }

    private static String message(String body) {
        try {
            return MAPPER.readTree(body).path("message").asText(body);
        } catch (JsonProcessingException e) {
            return body;
        }
    }
}
