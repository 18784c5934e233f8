package kz.zhedel.reporting;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import kz.zhedel.testing.Loopback;

/**
 * A stand-in for dispatch's coordinator API on a free port: records each call (path, Authorization header, body)
 * and accepts it, except for an incident listed in {@link #REFUSING}, which gets a 409 problem+json as dispatch
 * answers an incident already cancelled.
 */
public class DispatchStandIn implements QuarkusTestResourceLifecycleManager {

    public record Call(String path, String authorization, String body) {
    }

    /** Dispatch's psychologists: one on call now, one not, one deactivated (the stand-in's roster). */
    static final UUID ON_CALL = UUID.fromString("0b7f9c1e-0000-4000-8000-000000000001");
    static final UUID OFF_DUTY = UUID.fromString("0b7f9c1e-0000-4000-8000-000000000002");
    static final UUID DEACTIVATED = UUID.fromString("0b7f9c1e-0000-4000-8000-000000000003");
    private static final String PSYCHOLOGISTS = "[{\"id\":\"" + OFF_DUTY + "\",\"name\":\"Aigul Bekova\","
            + "\"role\":\"PSYCHOLOGIST\",\"active\":true,\"contacts\":[{\"channel\":\"SMS\",\"address\":\"+7 701 000\"}]},"
            + "{\"id\":\"" + ON_CALL + "\",\"name\":\"Zarina Omarova\",\"role\":\"PSYCHOLOGIST\",\"active\":true},"
            + "{\"id\":\"" + DEACTIVATED + "\",\"name\":\"Former Psychologist\",\"role\":\"PSYCHOLOGIST\","
            + "\"active\":false}]";

    static final List<Call> CALLS = new CopyOnWriteArrayList<>();
    static final Set<String> REFUSING = ConcurrentHashMap.newKeySet();
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = Loopback.serve(Map.of("/api/v1/incidents/", DispatchStandIn::coordinatorApi,
                "/api/v1/responders", DispatchStandIn::roster));
        return Map.of("quarkus.rest-client.dispatch.url", Loopback.url(server));
    }

    private static void coordinatorApi(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        CALLS.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"),
                new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        if (REFUSING.stream().anyMatch(path::contains)) {
            answer(exchange, 409, "application/problem+json", "{\"type\":\"about:blank\",\"title\":\"Conflict\","
                    + "\"status\":409,\"detail\":\"the incident is cancelled already\"}");
        } else {
            answer(exchange, 201, "application/json", "{}");
        }
    }

    private static void roster(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String query = String.valueOf(exchange.getRequestURI().getQuery());
        CALLS.add(new Call(path + "?" + query, exchange.getRequestHeaders().getFirst("Authorization"), ""));
        boolean psychologists = query.equals("role=PSYCHOLOGIST");
        answer(exchange, 200, "application/json", !psychologists ? "[]" : path.endsWith("/on-call")
                ? "[{\"responderId\":\"" + ON_CALL + "\",\"via\":\"on shift\"}]" : PSYCHOLOGISTS);
    }

    private static void answer(HttpExchange exchange, int status, String type, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
