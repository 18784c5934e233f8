package kz.zhedel.notification;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

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
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, Deque<Integer>> scripts = new ConcurrentHashMap<>();
    private final Map<String, Consumer<Received>> beforeAnswering = new ConcurrentHashMap<>();

    PagerReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            Received request = new Received(exchange.getRequestMethod(), path, exchange.getRequestHeaders(),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            received.add(request);
            beforeAnswering.getOrDefault(path, r -> { }).accept(request);
            exchange.sendResponseHeaders(nextStatus(path), -1);
            exchange.close();
        });
        server.start();
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
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
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
