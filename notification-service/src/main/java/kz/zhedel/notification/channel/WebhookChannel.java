package kz.zhedel.notification.channel;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Category;
import kz.zhedel.events.Channel;
import kz.zhedel.events.CoordinatorAlert;
import kz.zhedel.events.District;
import kz.zhedel.events.Severity;
import kz.zhedel.notification.channel.GatewayHttp.Unreachable;
import kz.zhedel.notification.config.WebhookConfig;

/**
 * Pages by an HTTP POST of a small JSON document to the responder's pager endpoint, signed so that the receiver can
 * tell it from a forgery: {@code X-Zhedel-Timestamp} (Unix seconds) and {@code X-Zhedel-Signature: sha256=<hex>},
 * the HMAC-SHA256 of {@code <timestamp>.<body>} with the webhook secret. The receiver drops repeats by
 * {@code pageId} (also sent as {@code Idempotency-Key}): after a timeout the same page may arrive again.
 */
@ApplicationScoped
public class WebhookChannel implements PageChannel {

    public static final String TIMESTAMP_HEADER = "X-Zhedel-Timestamp";
    public static final String SIGNATURE_HEADER = "X-Zhedel-Signature";
    private static final String HMAC = "HmacSHA256";

    /**
     * The whole webhook body; adding a field here widens what leaves the service, so it stays this small.
     * {@code alert} (why the duty coordinator is paged, and the role) only on a coordinator's page.
     */
    record Payload(UUID pageId, UUID incidentId, UUID assignmentId, Category category, Severity severity,
            District district, String ackUrl, @JsonInclude(JsonInclude.Include.NON_NULL) CoordinatorAlert alert) {
    }

    private final GatewayHttp http;
    private final ObjectMapper json;
    private final Clock clock;
    private final SecretKeySpec key;

    WebhookChannel(GatewayHttp http, ObjectMapper json, Clock clock, WebhookConfig config) {
        if (config.secret().length() < 16) {
            throw new IllegalArgumentException("zhedel.webhook.secret must be at least 16 characters");
        }
        this.http = http;
        this.json = json;
        this.clock = clock;
        this.key = new SecretKeySpec(config.secret().getBytes(StandardCharsets.UTF_8), HMAC);
    }

    @Override
    public Channel channel() {
        return Channel.WEBHOOK;
    }

    /** A machine endpoint: every page is posted on its own, however many there are. */
    @Override
    public boolean rateLimited() {
        return false;
    }

    @Override
    public DeliveryResult send(Notice notice) {
        URI target;
        try {
            target = URI.create(notice.address());
        } catch (IllegalArgumentException e) {
            return DeliveryResult.permanentFailure("invalid webhook URL");
        }
        if (!"http".equalsIgnoreCase(target.getScheme()) && !"https".equalsIgnoreCase(target.getScheme())) {
            return DeliveryResult.permanentFailure("invalid webhook URL");
        }
        PageMessage page = notice.first();
        String body = body(page);
        String timestamp = Long.toString(clock.instant().getEpochSecond());
        HttpRequest request = http.request(target)
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", page.pageId().toString())
                .header(TIMESTAMP_HEADER, timestamp)
                .header(SIGNATURE_HEADER, "sha256=" + sign(timestamp + "." + body))
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        try {
            return classify(http.send(request).statusCode());
        } catch (Unreachable e) {
            return DeliveryResult.transientFailure(e.getMessage());
        }
    }

    static DeliveryResult classify(int status) {
        String detail = "HTTP " + status;
        if (status >= 200 && status < 300) {
            return DeliveryResult.delivered("webhook", null, detail);
        }
        // Redirects are not followed and other 4xx mean a wrong or refused endpoint: retrying will not help.
        return GatewayHttp.isTransient(status) ? DeliveryResult.transientFailure(detail)
                : DeliveryResult.permanentFailure(detail);
    }

    String sign(String signed) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 unavailable", e);
        }
    }

    private String body(PageMessage m) {
        try {
            return json.writeValueAsString(new Payload(m.pageId(), m.incidentId(), m.assignmentId(), m.category(),
                    m.severity(), m.district(), m.ackUrl(), m.alert()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the webhook body", e);
        }
    }
}
