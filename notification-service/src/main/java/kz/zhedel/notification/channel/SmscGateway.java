package kz.zhedel.notification.channel;

import java.net.URI;
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
 * SMSC.kz: {@code POST /sys/send.php} (form: {@code login, psw, phones, mes, fmt=3, charset=utf-8}, {@code call=1}
 * for a voice call) answers {@code {"id":…,"cnt":…}} or {@code {"error":…,"error_code":…}}. Receipts post
 * {@code id, phone, status, err} (status 1 delivered; 3, 20, 22–25 failed); incoming texts post {@code phone, mes}.
 */
@ApplicationScoped
public class SmscGateway implements SmsGateway {

    /** Out of credit, login refused, IP blocked for a while, too many requests: the gateway, not the message. */
    private static final Set<Integer> GATEWAY_ERRORS = Set.of(2, 3, 4, 9);
    private static final Set<String> FAILED = Set.of("3", "20", "22", "23", "24", "25");

    private final GatewayHttp http;
    private final ObjectMapper json;
    private final GatewayConfig.Smsc config;

    SmscGateway(GatewayHttp http, ObjectMapper json, GatewayConfig config) {
        this.http = http;
        this.json = json;
        this.config = config.smsc();
    }

    @Override
    public String name() {
        return "smsc";
    }

    @Override
    public boolean configured() {
        return config.login().isPresent() && config.password().isPresent();
    }

    @Override
    public boolean supports(Channel channel) {
        return channel == Channel.SMS || channel == Channel.VOICE;
    }

    @Override
    @CircuitBreakerName("smsc")
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.5, delay = 30, delayUnit = ChronoUnit.SECONDS,
            failOn = GatewayDown.class)
    public DeliveryResult send(Channel channel, String phone, String text) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("login", config.login().orElseThrow());
        form.put("psw", config.password().orElseThrow());
        form.put("phones", phone);
        form.put("mes", text);
        form.put("fmt", "3");
        form.put("charset", "utf-8");
        config.sender().ifPresent(sender -> form.put("sender", sender));
        if (channel == Channel.VOICE) {
            form.put("call", "1");
        }
        URI target = URI.create(config.baseUrl().replaceAll("/+$", "") + "/sys/send.php");
        GatewayAnswer posted = GatewayAnswer.post(http, json, target, form);
        if (posted.refused()) {
            return DeliveryResult.permanentFailure("smsc: HTTP " + posted.status());
        }
        JsonNode answer = posted.json();
        if (answer.hasNonNull("error_code")) {
            int code = answer.get("error_code").asInt();
            if (GATEWAY_ERRORS.contains(code)) {
                throw new GatewayDown("error " + code);
            }
            return DeliveryResult.permanentFailure("smsc: error " + code);
        }
        return DeliveryResult.sent(name(), answer.path("id").asText(), "smsc: accepted");
    }

    @Override
    public Optional<DeliveryReceipt> receipt(Map<String, String> fields) {
        String id = fields.get("id");
        String status = fields.get("status");
        if (id == null || status == null) {
            return Optional.empty();
        }
        if ("1".equals(status)) {
            return Optional.of(new DeliveryReceipt(id, true, "smsc: delivered"));
        }
        return FAILED.contains(status)
                ? Optional.of(new DeliveryReceipt(id, false, "smsc: status " + status + " error " + fields.get("err")))
                : Optional.empty();
    }

    @Override
    public Optional<InboundSms> inbound(Map<String, String> fields) {
        return fields.containsKey("phone") && fields.containsKey("mes")
                ? Optional.of(new InboundSms(fields.get("phone"), fields.get("mes")))
                : Optional.empty();
    }
}
