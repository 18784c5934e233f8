package kz.zhedel.notification.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.notification.config.DeliveryConfig;

/**
 * Pages by an HTTP POST of a small JSON document to the responder's pager endpoint. The receiver drops repeats by
 * {@code pageId} (also sent as {@code Idempotency-Key}): after a timeout the same page may arrive again.
 */
@ApplicationScoped
public class WebhookChannel implements PageChannel {

    /** The whole webhook body; adding a field here widens what leaves the service, so it stays this small. */
    record Payload(UUID pageId, UUID incidentId, UUID assignmentId, Category category, Severity severity,
            District district, String ackUrl) {
    }

    private final HttpClient http;
    private final DeliveryConfig config;
    private final ObjectMapper json;

    WebhookChannel(DeliveryConfig config, ObjectMapper json) {
        this.config = config;
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(config.connectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    @Override
    public DeliveryResult send(PageMessage message, String address) {
        HttpRequest request;
        try {
            request = request(message, URI.create(address));
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanentFailure("invalid webhook URL");
        }
        try {
            return classify(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode());
        } catch (HttpTimeoutException e) {
            return DeliveryResult.transientFailure("timeout");
        } catch (IOException e) {
            return DeliveryResult.transientFailure("connection failed (" + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return DeliveryResult.transientFailure("interrupted");
        }
    }

    private HttpRequest request(PageMessage message, URI target) {
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            throw new IllegalArgumentException("not an http(s) URL");
        }
        return HttpRequest.newBuilder(target)
                .timeout(config.requestTimeout())
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", message.pageId().toString())
                .header("User-Agent", "zhedel-notification")
                .POST(HttpRequest.BodyPublishers.ofString(body(message)))
                .build();
    }

    static DeliveryResult classify(int status) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered(detail);
        }
        if (status == 408 || status == 429 || status >= 500) {
            return DeliveryResult.transientFailure(detail);
        }
        // Redirects are not followed and other 4xx mean a wrong or refused endpoint: retrying will not help.
        return DeliveryResult.permanentFailure(detail);
    }

    private String body(PageMessage m) {
        try {
            return json.writeValueAsString(new Payload(m.pageId(), m.incidentId(), m.assignmentId(), m.category(),
                    m.severity(), m.district(), m.ackUrl()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body", e);
        }
    }
}
