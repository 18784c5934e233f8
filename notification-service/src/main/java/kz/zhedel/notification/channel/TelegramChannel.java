package kz.zhedel.notification.channel;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;

import kz.zhedel.events.Channel;
import kz.zhedel.notification.channel.GatewayHttp.Unreachable;
import kz.zhedel.notification.config.TelegramConfig;
import kz.zhedel.notification.texts.Msg;
import kz.zhedel.notification.texts.Texts;

/**
 * Pages through the Telegram Bot API: {@code sendMessage} to the contact's chat id with an inline keyboard of
 * Acknowledge / Decline buttons per page. A press comes back to {@code POST /callbacks/telegram} as a
 * {@code callback_query} whose data is {@link #ACK}{@code <pageId>} or {@link #DECLINE}{@code <pageId>}.
 */
@ApplicationScoped
public class TelegramChannel implements PageChannel {

    public static final String ACK = "ack:";
    public static final String DECLINE = "decline:";
    private static final Logger LOG = Logger.getLogger(TelegramChannel.class);

    private final GatewayHttp http;
    private final ObjectMapper json;
    private final PageTexts texts;
    private final TelegramConfig config;

    TelegramChannel(GatewayHttp http, ObjectMapper json, PageTexts texts, TelegramConfig config) {
        this.http = http;
        this.json = json;
        this.texts = texts;
        this.config = config;
    }

    @Override
    public Channel channel() {
        return Channel.TELEGRAM;
    }

    @Override
    public DeliveryResult send(Notice notice) {
        if (config.botToken().isEmpty()) {
            return DeliveryResult.permanentFailure("Telegram bot not configured");
        }
        Msg msg = Texts.in(Texts.tag(notice.language()));
        List<List<Map<String, String>>> keyboard = notice.pages().stream().map(page -> {
            String prefix = notice.bundled() ? page.incidentId().toString().substring(0, 8) + ": " : "";
            return List.of(
                    Map.of("text", prefix + "✅ " + msg.acknowledge(),
                            "callback_data", ACK + page.pageId()),
                    Map.of("text", prefix + "❌ " + msg.decline(),
                            "callback_data", DECLINE + page.pageId()));
        }).toList();
        Map<String, Object> body = Map.of("chat_id", notice.address(), "text", texts.text(notice, false),
                "disable_web_page_preview", true, "reply_markup", Map.of("inline_keyboard", keyboard));
        try {
            HttpResponse<String> response = http.postJson(method("sendMessage"), json.writeValueAsString(body));
            int status = response.statusCode();
            if (status == 200) {
                JsonNode answer = json.readTree(response.body());
                if (answer.path("ok").asBoolean()) {
                    return DeliveryResult.delivered("telegram", answer.path("result").path("message_id").asText(),
                            "Telegram message sent");
                }
            }
            String detail = "Telegram HTTP " + status;
            return GatewayHttp.isTransient(status) ? DeliveryResult.transientFailure(detail)
                    : DeliveryResult.permanentFailure(detail);
        } catch (Unreachable e) {
            return DeliveryResult.transientFailure("Telegram " + e.getMessage());
        } catch (JsonProcessingException e) {
            return DeliveryResult.transientFailure("Telegram answered no JSON");
        }
    }

    /** Stops the spinner on the pressed button and shows {@code text}; a lost answer only leaves the spinner. */
    public void answerCallback(String callbackQueryId, String text) {
        if (config.botToken().isEmpty()) {
            return;
        }
        try {
            http.postJson(method("answerCallbackQuery"),
                    json.writeValueAsString(Map.of("callback_query_id", callbackQueryId, "text", text)));
        } catch (Unreachable | JsonProcessingException e) {
            LOG.debugf("answerCallbackQuery failed: %s", e.getMessage());
        }
    }

    private URI method(String name) {
        return URI.create(config.baseUrl().replaceAll("/+$", "") + "/bot" + config.botToken().orElseThrow() + "/"
                + name);
    }
}
