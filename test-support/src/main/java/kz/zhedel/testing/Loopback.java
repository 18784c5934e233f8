package kz.zhedel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

/** A JDK HTTP server on a free loopback port, for a test standing in for someone else's endpoint. */
public final class Loopback {

    private Loopback() {
    }

    /** Started, answering {@code path} (and everything below it) with {@code handler}. */
    public static HttpServer serve(String path, HttpHandler handler) {
        return serve(Map.of(path, handler));
    }

    /** Started, answering each path (and everything below it) with its handler. */
    public static HttpServer serve(Map<String, HttpHandler> handlers) {
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        handlers.forEach(server::createContext);
        server.start();
        return server;
    }

    /** The server's base URL, without a trailing slash. */
    public static String url(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}
