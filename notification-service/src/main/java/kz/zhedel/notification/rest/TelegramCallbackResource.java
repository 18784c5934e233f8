package kz.zhedel.notification.rest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.UUID;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.JsonNode;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.zhedel.events.Language;
import kz.zhedel.notification.channel.TelegramChannel;
import kz.zhedel.notification.config.TelegramConfig;
import kz.zhedel.notification.service.Acknowledgements;
import kz.zhedel.notification.service.Acknowledgements.Answer;
import kz.zhedel.notification.service.Acknowledgements.Choice;

/**
 * Telegram's webhook ({@code setWebhook} with {@code secret_token}): button presses arrive as {@code callback_query}
 * updates. Telegram proves itself with {@code X-Telegram-Bot-Api-Secret-Token}; the press counts only from the chat
 * the page was sent to. Every other update is taken and ignored, so that Telegram does not send it again.
 */
@Path("/callbacks/telegram")
@PermitAll
public class TelegramCallbackResource {

    static final String SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token";

    @Inject
    TelegramConfig config;

    @Inject
    Acknowledgements acknowledgements;

    @Inject
    TelegramChannel telegram;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Telegram updates: Acknowledge / Decline presses (secured by Telegram's secret_token)")
    public Response update(@HeaderParam(SECRET_HEADER) String secret, JsonNode update) {
        if (!matches(config.webhookSecret(), secret)) {
            throw new NotAuthorizedException("wrong or missing " + SECRET_HEADER, "Telegram-Secret");
        }
        JsonNode press = update == null ? null : update.get("callback_query");
        if (press == null) {
            return Response.ok().build();
        }
        String data = press.path("data").asText("");
        Choice choice = data.startsWith(TelegramChannel.ACK) ? Choice.ACKNOWLEDGE
                : data.startsWith(TelegramChannel.DECLINE) ? Choice.DECLINE : null;
        Optional<UUID> pageId = choice == null ? Optional.empty()
                : parse(data.substring(data.indexOf(':') + 1));
        String chat = press.path("message").path("chat").path("id").asText(press.path("from").path("id").asText());
        Answer answer = pageId.isEmpty() ? new Answer(Acknowledgements.Outcome.UNKNOWN_PAGE, null)
                : acknowledgements.byTelegram(pageId.get(), choice, chat);
        telegram.answerCallback(press.path("id").asText(), reply(answer));
        return Response.ok().build();
    }

    private static String reply(Answer answer) {
        boolean ru = answer.page() != null && answer.page().textLanguage() == Language.RU;
        return switch (answer.outcome()) {
            case ANSWERED -> answer.page().isAcknowledged() ? (ru ? "Вызов принят" : "Шақыру қабылданды")
                    : (ru ? "Вы отказались" : "Бас тарттыңыз");
            case ALREADY_ANSWERED -> ru ? "Уже отвечено" : "Жауап бұрын берілген";
            case EXPIRED -> ru ? "Срок истёк" : "Мерзімі өтті";
            case UNKNOWN_PAGE -> "?";
        };
    }

    private static Optional<UUID> parse(String id) {
        try {
            return Optional.of(UUID.fromString(id));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static boolean matches(Optional<String> expected, String given) {
        return expected.isPresent() && given != null && MessageDigest.isEqual(
                expected.get().getBytes(StandardCharsets.UTF_8), given.getBytes(StandardCharsets.UTF_8));
    }
}
