package kz.zhedel.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.notification.config.DeliveryConfig;

/**
 * The one HTTP client of the channels (webhooks, Telegram, SMS gateways): HTTP/1.1, the configured timeouts, no
 * redirects. Trouble on the wire comes back as {@link Unreachable} with a short reason that names no address.
 */
@ApplicationScoped
public class GatewayHttp {

    /** The request did not get an answer: timeout, refused or reset connection. */
    public static class Unreachable extends Exception {
        public Unreachable(String reason) {
            super(reason, null, false, false);
        }
    }

    private final HttpClient http;
    private final DeliveryConfig config;

    GatewayHttp(DeliveryConfig config) {
        this.config = config;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public HttpRequest.Builder request(URI target) {
        return HttpRequest.newBuilder(target).timeout(config.requestTimeout()).header("User-Agent",
                "zhedel-notification");
    }

    public HttpResponse<String> send(HttpRequest request) throws Unreachable {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new Unreachable("timeout");
        } catch (IOException e) {
            throw new Unreachable("connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unreachable("interrupted");
        }
    }

    public HttpResponse<String> postForm(URI target, Map<String, String> fields) throws Unreachable {
        String body = fields.entrySet().stream()
                .map(f -> encode(f.getKey()) + "=" + encode(f.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(target).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public HttpResponse<String> postJson(URI target, String json) throws Unreachable {
        return send(request(target).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    /** 408, 429 and 5xx are worth another try (or another provider); other non-2xx answers are not. */
    public static boolean isTransient(int status) {
        return status == 408 || status == 429 || status >= 500;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
