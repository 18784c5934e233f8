import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * A stand-in for a responder's pager webhook on the local stack: prints every page it receives and answers 204.
 * Run by {@code ./zhedel pager [PORT]} (single-file source mode, JDK 11+), default 127.0.0.1:9999, any path.
 */
public class PagerStub {

    public static void main(String[] args) throws IOException {
        int port = args.length > 0 ? Integer.parseInt(args[0]) : 9999;
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            System.out.printf("%s %s %s %s%n", LocalTime.now().truncatedTo(ChronoUnit.SECONDS),
                    exchange.getRequestMethod(), exchange.getRequestURI(), body);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.start();
        System.out.println("pager stub listening on http://127.0.0.1:" + port + "/pager");
    }
}
