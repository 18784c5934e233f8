package kz.zhedel.reporting;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

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
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/api/v1/incidents/", exchange -> {
            String path = exchange.getRequestURI().getPath();
            CALLS.add(new Call(path, exchange.getRequestHeaders().getFirst("Authorization"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            boolean refused = REFUSING.stream().anyMatch(path::contains);
            byte[] body = (refused ? "{\"type\":\"about:blank\",\"title\":\"Conflict\",\"status\":409,"
                    + "\"detail\":\"the incident is cancelled already\"}" : "{}").getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", refused ? "application/problem+json" : "application/json");
            exchange.sendResponseHeaders(refused ? 409 : 201, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/api/v1/responders", exchange -> {
            String path = exchange.getRequestURI().getPath();
            String query = String.valueOf(exchange.getRequestURI().getQuery());
            CALLS.add(new Call(path + "?" + query, exchange.getRequestHeaders().getFirst("Authorization"), ""));
            boolean psychologists = query.equals("role=PSYCHOLOGIST");
            String answer = !psychologists ? "[]" : path.endsWith("/on-call")
                    ? "[{\"responderId\":\"" + ON_CALL + "\",\"via\":\"on shift\"}]" : PSYCHOLOGISTS;
            byte[] body = answer.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        return Map.of("quarkus.rest-client.dispatch.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
