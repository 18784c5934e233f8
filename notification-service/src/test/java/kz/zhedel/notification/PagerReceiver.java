package kz.zhedel.notification;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import kz.zhedel.events.PageDelivered;
import kz.zhedel.events.Topics;
import kz.zhedel.testing.Kafka;
import kz.zhedel.testing.Loopback;

/** A real HTTP endpoint standing in for responders' pagers: it records every request and answers as scripted. */
final class PagerReceiver implements AutoCloseable {

    record Received(String method, String path, Headers headers, String body) {

        JsonNode json() {
            try {
                return JSON.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The path of the acknowledgement link the page carried. */
        String link() {
            return URI.create(json().get("ackUrl").asText()).getPath();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Received>> beforeAnswering = new ConcurrentHashMap<>();

    PagerReceiver() {
        server = Loopback.serve("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            beforeAnswering.getOrDefault(path, r -> { }).accept(request);
            exchange.sendResponseHeaders(nextStatus(path), -1);
            exchange.close();
        });
    }

    /** Answers requests to {@code path} with these statuses in turn, the last one for good; 204 by default. */
    void script(String path, int... statuses) {
        Deque<Integer> queue = new ArrayDeque<>();
        for (int status : statuses) {
            queue.add(status);
        }
        scripts.put(path, queue);
    }

    /** Runs {@code action} on each request to {@code path} before answering it, e.g. a pager that acts at once. */
    void beforeAnswering(String path, Consumer<Received> action) {
        beforeAnswering.put(path, action);
    }

    String url(String path) {
        return Loopback.url(server) + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    /** Waits for the one page at {@code path} and for its delivery to be announced; the path of its link. */
    String deliveredLink(String path, UUID incidentId) {
        Duration wait = Duration.ofSeconds(20);
        await().atMost(wait).until(() -> at(path).size() == 1);
        await().atMost(wait).until(() -> !Kafka.topic(Topics.NOTIFICATIONS).events(incidentId, PageDelivered.class)
                .isEmpty());
        return at(path).get(0).link();
    }

    private synchronized int nextStatus(String path) {
        Deque<Integer> queue = scripts.get(path);
        if (queue == null || queue.isEmpty()) {
            return 204;
        }
        return queue.size() > 1 ? queue.poll() : queue.peek();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
