package kz.zhedel.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import kz.zhedel.testing.Loopback;

/** A real HTTP endpoint standing in for a responder's pager webhook: it records every page it receives. */
public final class WebhookReceiver implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> bodies = new CopyOnWriteArrayList<>();
    private final List<String> signed = new CopyOnWriteArrayList<>();

    public WebhookReceiver() {
        server = Loopback.serve("/pager", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            bodies.add(body);
            signed.add(exchange.getRequestHeaders().getFirst("X-Zhedel-Timestamp") + "." + body + "\n"
                    + exchange.getRequestHeaders().getFirst("X-Zhedel-Signature"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
    }

    public String url() {
        return Loopback.url(server) + "/pager";
    }

    /** Each request as {@code <timestamp>.<body>}, a newline, and its {@code X-Zhedel-Signature}. */
    public List<String> signed() {
        return List.copyOf(signed);
    }

    /** Raw bodies, to look for what must not be there. */
    public List<String> bodies() {
        return List.copyOf(bodies);
    }

    /** How many pages of the incident arrived here: delivery is at least once, a repeat carries the same pageId. */
    public long distinctPagesFor(String incidentId) {
        return pagesFor(incidentId).stream().map(page -> page.get("pageId").asText()).distinct().count();
    }

    public List<JsonNode> pagesFor(String incidentId) {
        return bodies.stream().map(WebhookReceiver::parse)
                .filter(page -> incidentId.equals(page.path("incidentId").asText())).toList();
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
