package kz.zhedel.bench.pipeline;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpServer;

/**
 * The outside webhook receiver the responders' pages go to: it notes when each incident's first page arrived
 * (nanoTime) and counts a page that arrives twice (the same pageId) as a duplicate.
 */
final class Pager implements AutoCloseable {

    private static final Pattern INCIDENT = Pattern.compile("\"incidentId\"\\s*:\\s*\"([0-9a-f-]{36})\"");
    private static final Pattern PAGE = Pattern.compile("\"pageId\"\\s*:\\s*\"([0-9a-f-]{36})\"");

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final Map<String, Long> firstPage = new ConcurrentHashMap<>();
    private final Set<String> pages = ConcurrentHashMap.newKeySet();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong received = new AtomicLong();

    Pager() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 512);
        server.setExecutor(threads);
        server.createContext("/", exchange -> {
            long at = System.nanoTime();
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
            Matcher incident = INCIDENT.matcher(body);
            Matcher page = PAGE.matcher(body);
            if (incident.find() && page.find()) {
                received.incrementAndGet();
                firstPage.putIfAbsent(incident.group(1), at);
                if (!pages.add(page.group(1))) {
                    duplicates.incrementAndGet();
                }
            }
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
    }

    String url(String responder) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/page/" + responder;
    }

    /** When the incident's first page arrived (System.nanoTime), or null. */
    Long firstPageAt(String incidentId) {
        return firstPage.get(incidentId);
    }

    long duplicates() {
        return duplicates.get();
    }

    long received() {
        return received.get();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
