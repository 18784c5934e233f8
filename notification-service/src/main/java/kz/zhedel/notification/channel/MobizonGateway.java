package kz.zhedel.notification.channel;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.smallrye.faulttolerance.api.CircuitBreakerName;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.config.GatewayConfig;

/**
 * Mobizon: {@code POST /service/message/sendsmsmessage?output=json&api=v1&apiKey=…} (form: {@code recipient, text,
 * from}) answers {@code {"code":0,"data":{"messageId":…},"message":""}}; code 1 is a validation error (e.g. the
 * number). Receipts post {@code messageId, status} ({@code DELIVRD}, or {@code UNDELIV, REJECTD, EXPIRED, DELETED});
 * incoming texts post {@code from, text}. SMS only.
 */
@ApplicationScoped
public class MobizonGateway implements SmsGateway {

    private static final Set<String> FAILED = Set.of("UNDELIV", "REJECTD", "EXPIRED", "DELETED");

    private final GatewayHttp http;
    private final ObjectMapper json;
    private final GatewayConfig.Mobizon config;

    MobizonGateway(GatewayHttp http, ObjectMapper json, GatewayConfig config) {
        this.http = http;
        this.json = json;
        this.config = config.mobizon();
    }

    @Override
    public String name() {
        return "mobizon";
    }

    @Override
    public boolean configured() {
        return config.apiKey().isPresent();
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.SMS;
    }

    @Override
    @CircuitBreakerName("mobizon")
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = GatewayDown.class)
    public DeliveryResult send(Channel channel, String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("recipient", phone);
        form.put("text", text);
        config.sender().ifPresent(sender -> form.put("from", sender));
        URI target = URI.create(config.baseUrl().replaceAll("/+$", "")
                + "/service/message/sendsmsmessage?output=json&api=v1&apiKey="
                + URLEncoder.encode(config.apiKey().orElseThrow(), StandardCharsets.UTF_8));
        GatewayAnswer posted = GatewayAnswer.post(http, json, target, form);
        if (posted.refused()) {
            return DeliveryResult.permanentFailure("mobizon: HTTP " + posted.status());
        }
        JsonNode answer = posted.json();
        int code = answer.path("code").asInt(-1);
        if (code == 0) {
            return DeliveryResult.sent(name(), answer.path("data").path("messageId").asText(), "mobizon: accepted");
        }
        if (code == 1) {
            return DeliveryResult.permanentFailure("mobizon: code 1");
        }
        throw new GatewayDown("code " + code);
    }

    @Override
    public Optional<DeliveryReceipt> receipt(Map<String, String> fields) {
        String id = fields.get("messageId");
        String status = fields.get("status");
        if (id == null || status == null) {
            return Optional.empty();
        }
        if ("DELIVRD".equals(status)) {
            return Optional.of(new DeliveryReceipt(id, true, "mobizon: delivered"));
        }
        return FAILED.contains(status) ? Optional.of(new DeliveryReceipt(id, false, "mobizon: " + status))
                : Optional.empty();
    }

    @Override
    public Optional<InboundSms> inbound(Map<String, String> fields) {
        return fields.containsKey("from") && fields.containsKey("text")
                ? Optional.of(new InboundSms(fields.get("from"), fields.get("text")))
                : Optional.empty();
    }
}
